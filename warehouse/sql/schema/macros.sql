-- Wilson score interval for a proportion p observed in n trials, at z = 1.96 (95%). Clamped to
-- [0, p] and [p, 1]: at p = 0 or 1 rounding would otherwise put a bound a hair past p.
create or replace macro wilson_low(p, n) as
    least(p, greatest(0.0, (p + 1.96 ^ 2 / (2 * n) - 1.96 * sqrt(p * (1 - p) / n + 1.96 ^ 2 / (4 * n ^ 2)))
        / (1 + 1.96 ^ 2 / n)));

create or replace macro wilson_high(p, n) as
    greatest(p, least(1.0, (p + 1.96 ^ 2 / (2 * n) + 1.96 * sqrt(p * (1 - p) / n + 1.96 ^ 2 / (4 * n ^ 2)))
        / (1 + 1.96 ^ 2 / n)));
