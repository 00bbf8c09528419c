"""Pure figure builders: a polars frame in, a ``go.Figure`` out. No I/O, no Dash."""

from __future__ import annotations

from html import escape

import plotly.graph_objects as go
import polars as pl
from plotly.colors import hex_to_rgb, qualitative
from plotly.subplots import make_subplots

POSTINGS_ATTRIBUTION = (
    "Source: LinkedIn Job Postings 2023-2024 (Kaggle, arshkon), CC BY-SA 4.0; "
    "skills extracted by Skill Radar"
)
SALARIES_ATTRIBUTION = "Source: aijobs.net salaries (foorilla/ai-jobs-net-salaries), CC0 1.0"
MIN_GROUP_N = 10
EXPERIENCE_ORDER = ("EN", "MI", "SE", "EX")
PALETTE = qualitative.Plotly
TEMPLATE = "plotly_white"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


def _text(value: object) -> str:
    """Data text made safe for plotly's HTML-like labels."""
    return escape(str(value), quote=False)


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = hex_to_rgb(hex_colour)
    return f"rgba({r},{g},{b},{alpha})"


def _top(count: int) -> str:
    return "Top skill" if count == 1 else f"Top {count} skills"


def _base_layout(fig: go.Figure, *, title: str, attribution: str, height: int) -> go.Figure:
    """Shared look: title, template, margins and the source line under the plot."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        template=TEMPLATE,
        font={"family": FONT, "size": 13},
        height=height,
        margin={"l": 10, "r": 20, "t": 70, "b": 110},
        hoverlabel={"align": "left"},
    )
    fig.add_annotation(
        text=_text(attribution),
        name="attribution",
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        yshift=-72,
        showarrow=False,
        font={"size": 11, "color": "#6c757d"},
    )
    return fig


def message_figure(message: str, *, height: int = 360) -> go.Figure:
    """An empty chart that says why it is empty."""
    fig = go.Figure()
    fig.update_layout(
        template=TEMPLATE,
        height=height,
        xaxis={"visible": False},
        yaxis={"visible": False},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
    )
    fig.add_annotation(
        text=_text(message),
        name="message",
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        showarrow=False,
        font={"size": 15, "color": "#6c757d"},
    )
    return fig


def top_skills_figure(
    df: pl.DataFrame, *, step: str | None = None, attribution: str = POSTINGS_ATTRIBUTION
) -> go.Figure:
    """Horizontal bars of each skill's share of postings, with Wilson 95% error bars.

    ``df`` has skill_name, share, ci_low, ci_high, postings_with_skill and postings_total, one row
    per skill, already in display order (largest first).
    """
    if df.is_empty():
        where = f" in roadmap step “{step}”" if step else ""
        return message_figure(f"No skill mentions published{where} yet.")
    n_total = int(df["postings_total"].cast(pl.Int64).max() or 0)  # type: ignore[arg-type]
    pct = df.select(
        pl.col("skill_name").map_elements(_text, return_dtype=pl.String).alias("label"),
        (pl.col("share") * 100).alias("share"),
        (pl.col("ci_low") * 100).alias("low"),
        (pl.col("ci_high") * 100).alias("high"),
        "postings_with_skill",
        "postings_total",
    )
    fig = go.Figure(
        go.Bar(
            name="Share of postings",
            orientation="h",
            x=pct["share"].to_list(),
            y=pct["label"].to_list(),
            error_x={
                "type": "data",
                "symmetric": False,
                "array": (pct["high"] - pct["share"]).to_list(),
                "arrayminus": (pct["share"] - pct["low"]).to_list(),
                "color": "#495057",
                "thickness": 1.2,
            },
            marker={"color": PALETTE[0]},
            customdata=pct.select("low", "high", "postings_with_skill", "postings_total").rows(),
            hovertemplate=(
                "<b>%{y}</b><br>Share: %{x:.1f}%"
                " (95% CI %{customdata[0]:.1f}-%{customdata[1]:.1f}%)"
                "<br>%{customdata[2]:,} of %{customdata[3]:,} postings<extra></extra>"
            ),
        )
    )
    scope = f" in roadmap step “{_text(step)}”" if step else ""
    _base_layout(
        fig,
        title=f"{_top(df.height)}{scope} · share of n = {n_total:,} postings",
        attribution=attribution,
        height=max(300, 170 + 28 * df.height),
    )
    fig.update_xaxes(title_text="Share of postings (%)", ticksuffix="%", rangemode="tozero")
    fig.update_yaxes(title_text="Skill", autorange="reversed", automargin=True)
    fig.update_layout(showlegend=False, bargap=0.35)
    return fig


def skill_trend_figure(df: pl.DataFrame, *, attribution: str = POSTINGS_ATTRIBUTION) -> go.Figure:
    """Weekly share of postings per chosen skill, with 95% bands and the weekly n as grey bars.

    ``df`` has week, iso_week, skill_id, skill_name, postings_with_skill, postings_total, share,
    ci_low and ci_high: one row per (skill, week), skills in the order they should be drawn.
    """
    if df.is_empty():
        return message_figure("Choose one or more skills to see their weekly share.")
    weeks = df.unique("week").sort("week").select("week", "iso_week", "postings_total")
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            name="Postings that week (n)",
            x=weeks["week"].to_list(),
            y=weeks["postings_total"].to_list(),
            yaxis="y2",
            marker={"color": "rgba(108,117,125,0.18)"},
            customdata=weeks["iso_week"].to_list(),
            hovertemplate="%{customdata}: n = %{y:,} postings<extra></extra>",
        )
    )
    skill_ids = df["skill_id"].unique(maintain_order=True).to_list()
    for i, skill_id in enumerate(skill_ids):
        part = df.filter(pl.col("skill_id") == skill_id).sort("week")
        name = _text(part["skill_name"][0])
        colour = PALETTE[i % len(PALETTE)]
        x = part["week"].to_list()
        fig.add_trace(
            go.Scatter(
                x=x + x[::-1],
                y=(part["ci_high"] * 100).to_list() + (part["ci_low"] * 100).to_list()[::-1],
                mode="lines",
                fill="toself",
                fillcolor=_rgba(colour, 0.15),
                line={"width": 0},
                hoverinfo="skip",
                legendgroup=skill_id,
                showlegend=False,
                name=f"{name} 95% interval",
            )
        )
        fig.add_trace(
            go.Scatter(
                name=name,
                x=x,
                y=(part["share"] * 100).to_list(),
                mode="lines+markers",
                line={"color": colour, "width": 2.5},
                marker={"size": 8},
                legendgroup=skill_id,
                customdata=part.select(
                    "iso_week",
                    pl.col("ci_low") * 100,
                    pl.col("ci_high") * 100,
                    "postings_with_skill",
                    "postings_total",
                ).rows(),
                hovertemplate=(
                    f"<b>{name}</b> · %{{customdata[0]}}<br>"
                    "Share: %{y:.1f}% (95% CI %{customdata[1]:.1f}-%{customdata[2]:.1f}%)<br>"
                    "%{customdata[3]:,} of n = %{customdata[4]:,} postings that week"
                    "<extra></extra>"
                ),
            )
        )
    n_total = int(weeks["postings_total"].sum())
    _base_layout(
        fig,
        title=(
            f"Weekly share of postings mentioning each skill · n = {n_total:,} postings"
            f" over {weeks.height} week{'s' if weeks.height != 1 else ''}"
        ),
        attribution=attribution,
        height=460,
    )
    fig.update_layout(
        xaxis={"title": {"text": "Week (starting Monday)"}, "tickformat": "%d %b %Y"},
        yaxis={
            "title": {"text": "Share of postings (%)"},
            "ticksuffix": "%",
            "rangemode": "tozero",
        },
        yaxis2={
            "title": {"text": "Postings that week (n)", "font": {"color": "#868e96"}},
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "rangemode": "tozero",
            "tickformat": ",d",
            "tickfont": {"color": "#868e96"},
        },
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"},
        hovermode="closest",
        bargap=0.5,
    )
    fig.update_xaxes(tickvals=weeks["week"].to_list())
    return fig


def split_small_groups(
    df: pl.DataFrame, *, min_n: int = MIN_GROUP_N
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Split groups into (shown, suppressed) at ``n >= min_n``."""
    return df.filter(pl.col("n") >= min_n), df.filter(pl.col("n") < min_n)


def family_order(df: pl.DataFrame) -> list[str]:
    """Role families by number of records, largest first, with "Other" last."""
    return (
        df.group_by("role_family")
        .agg(pl.col("n").sum())
        .sort(
            [pl.col("role_family") == "Other", "n", "role_family"],
            descending=[False, True, False],
        )["role_family"]
        .to_list()
    )


def salary_figure(
    df: pl.DataFrame, *, min_n: int = MIN_GROUP_N, attribution: str = SALARIES_ATTRIBUTION
) -> go.Figure:
    """Median annual salary with its interquartile range, by role family and experience level.

    ``df`` has role_family, experience_level, experience_label, n, q1, median and q3. Groups with
    fewer than ``min_n`` records are left out, and the chart says how many.
    """
    shown, hidden = split_small_groups(df, min_n=min_n)
    if shown.is_empty():
        return message_figure(f"No group has at least {min_n} salary records for these filters.")
    families = family_order(shown)
    fig = go.Figure()
    levels = [lvl for lvl in EXPERIENCE_ORDER if lvl in set(shown["experience_level"])]
    levels += sorted(set(shown["experience_level"]) - set(levels))
    for i, level in enumerate(levels):
        part = shown.filter(pl.col("experience_level") == level)
        label = _text(part["experience_label"][0])
        fig.add_trace(
            go.Scatter(
                name=label,
                orientation="h",
                x=part["median"].to_list(),
                y=[_text(f) for f in part["role_family"]],
                mode="markers",
                marker={"size": 10, "color": PALETTE[i % len(PALETTE)]},
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": (part["q3"] - part["median"]).to_list(),
                    "arrayminus": (part["median"] - part["q1"]).to_list(),
                    "thickness": 2,
                    "width": 4,
                },
                customdata=part.select("q1", "q3", "n").rows(),
                hovertemplate=(
                    f"<b>%{{y}}</b> · {label}<br>Median: $%{{x:,.0f}}<br>"
                    "IQR: $%{customdata[0]:,.0f}-$%{customdata[1]:,.0f}<br>"
                    "n = %{customdata[2]:,} records<extra></extra>"
                ),
            )
        )
    n_shown = int(shown["n"].sum())
    title = f"Annual salary by role family and experience · n = {n_shown:,} records"
    _base_layout(
        fig, title=title, attribution=attribution, height=max(380, 170 + 60 * len(families))
    )
    fig.update_layout(
        scattermode="group",
        scattergap=0.35,
        legend={
            "title": {"text": "Experience"},
            "orientation": "h",
            "x": 0,
            "y": 1.0,
            "yanchor": "bottom",
        },
        xaxis={
            "title": {"text": "Annual salary (USD); dot = median, bar = IQR"},
            "tickprefix": "$",
            "tickformat": ",.0f",
            "rangemode": "tozero",
        },
        yaxis={
            "title": {"text": "Role family"},
            "categoryorder": "array",
            "categoryarray": [_text(f) for f in families],
            "autorange": "reversed",
            "automargin": True,
        },
    )
    if not hidden.is_empty():
        fig.add_annotation(
            text=(
                f"{hidden.height} group{'s' if hidden.height != 1 else ''} with n < {min_n}"
                f" hidden ({int(hidden['n'].sum()):,} records)"
            ),
            name="suppressed",
            xref="paper",
            yref="paper",
            x=1,
            y=0,
            xanchor="right",
            yanchor="top",
            yshift=-92,
            showarrow=False,
            font={"size": 11, "color": "#6c757d"},
        )
    return fig


def roadmap_steps_figure(df: pl.DataFrame, *, attribution: str = POSTINGS_ATTRIBUTION) -> go.Figure:
    """A roadmap as its ordered steps: the share of unique postings needing each, with a 95% CI.

    Bars are coloured by that share on the cividis scale, which colour-blind readers can read.

    ``df`` has step_order, step_name, share, ci_low, ci_high, postings, postings_total,
    n_skills and skills_seen, one row per step, and roadmap_title.
    """
    if df.is_empty() or df["share"].is_null().all():
        return message_figure("No postings published yet, so no step demand to show.")
    steps = df.sort("step_order").select(
        pl.format("{}. {}", "step_order", "step_name")
        .map_elements(_text, return_dtype=pl.String)
        .alias("label"),
        (pl.col("share") * 100).alias("share"),
        (pl.col("ci_low") * 100).alias("low"),
        (pl.col("ci_high") * 100).alias("high"),
        "postings",
        "postings_total",
        "skills_seen",
        "n_skills",
    )
    fig = go.Figure(
        go.Bar(
            name="Share of unique postings",
            orientation="h",
            x=steps["share"].to_list(),
            y=steps["label"].to_list(),
            marker={
                "color": steps["share"].to_list(),
                "colorscale": "Cividis",
                "cmin": 0,
                "cmax": 100,
                "colorbar": {"title": {"text": "%"}, "ticksuffix": "%", "thickness": 12},
            },
            error_x={
                "type": "data",
                "symmetric": False,
                "array": (steps["high"] - steps["share"]).to_list(),
                "arrayminus": (steps["share"] - steps["low"]).to_list(),
                "color": "#495057",
                "thickness": 1.2,
            },
            customdata=steps.select(
                "low", "high", "postings", "postings_total", "skills_seen", "n_skills"
            ).rows(),
            hovertemplate=(
                "<b>%{y}</b><br>%{x:.1f}% of unique postings name one of its skills"
                " (95% CI %{customdata[0]:.1f}-%{customdata[1]:.1f}%)"
                "<br>%{customdata[2]:,} of n = %{customdata[3]:,} postings"
                "<br>%{customdata[4]} of its %{customdata[5]} skills are asked for<extra></extra>"
            ),
        )
    )
    n_total = int(steps["postings_total"].max() or 0)  # type: ignore[arg-type]
    title = _text(df["roadmap_title"][0])
    _base_layout(
        fig,
        title=f"{title} · demand per step · n = {n_total:,} unique postings",
        attribution=attribution,
        height=max(320, 190 + 34 * steps.height),
    )
    fig.update_xaxes(
        title_text="Unique postings naming at least one skill of the step (%)",
        ticksuffix="%",
        range=[0, 100],
    )
    fig.update_yaxes(title_text="Step (roadmap order)", autorange="reversed", automargin=True)
    fig.update_layout(showlegend=False, bargap=0.3)
    return fig


#: Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.
RISER, FALLER, UNTESTED = "#0072B2", "#D55E00", "#999999"
COMPARISON_LABELS = {"12w": "last 12 weeks vs the 12 before", "yoy": "last 12 weeks vs a year ago"}


def skill_changes_figure(
    df: pl.DataFrame, windows: dict[str, object], *, attribution: str = POSTINGS_ATTRIBUTION
) -> go.Figure:
    """Largest changes in share of unique postings, in percentage points, with 95% intervals.

    Blue bars rose and vermilion bars fell significantly (Benjamini–Hochberg q < 0.05); grey
    bars changed by chance as far as the data can tell. ``df`` comes from ``skill_changes``.
    """
    if not windows.get("n_prior"):
        return message_figure(
            "Not enough history for this comparison: the earlier window has no postings."
        )
    if df.is_empty():
        return message_figure("No skill's share changed between the two windows.")
    rows = df.sort("diff_pp")
    colours = [
        RISER if d == "riser" else FALLER if d == "faller" else UNTESTED
        for d in rows["direction"].to_list()
    ]
    fig = go.Figure(
        go.Bar(
            name="Change in share",
            orientation="h",
            x=rows["diff_pp"].to_list(),
            y=rows["skill_name"].map_elements(_text, return_dtype=pl.String).to_list(),
            marker={"color": colours},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": (rows["diff_high_pp"] - rows["diff_pp"]).to_list(),
                "arrayminus": (rows["diff_pp"] - rows["diff_low_pp"]).to_list(),
                "color": "#495057",
                "thickness": 1.2,
            },
            customdata=rows.select(
                pl.col("share_prior") * 100,
                pl.col("share_current") * 100,
                "postings_prior",
                "postings_current",
                "diff_low_pp",
                "diff_high_pp",
                "q_value",
                pl.col("direction").fill_null("untested"),
            ).rows(),
            hovertemplate=(
                "<b>%{y}</b><br>%{customdata[0]:.1f}% → %{customdata[1]:.1f}% of postings"
                " (%{customdata[2]:,} → %{customdata[3]:,})"
                "<br>Change %{x:+.1f} pp (95% CI %{customdata[4]:+.1f} to %{customdata[5]:+.1f})"
                "<br>q = %{customdata[6]:.3f} · %{customdata[7]}<extra></extra>"
            ),
        )
    )
    label = COMPARISON_LABELS.get(str(rows["comparison"][0]), str(rows["comparison"][0]))
    _base_layout(
        fig,
        title=(
            f"Biggest changes in skill share, {label} · n = {windows['n_prior']:,} → "
            f"{windows['n_current']:,} unique postings"
        ),
        attribution=attribution + f"; windows {windows['prior_start']}–{windows['prior_end']} and "
        f"{windows['current_start']}–{windows['current_end']}",
        height=max(320, 190 + 28 * rows.height),
    )
    fig.update_xaxes(title_text="Change in share of postings (percentage points)", zeroline=True)
    fig.update_yaxes(title_text="Skill", automargin=True)
    fig.update_layout(showlegend=False, bargap=0.3)
    return fig


MARKET_ATTRIBUTION = "Indeed Job Postings Index, Indeed Hiring Lab, CC BY 4.0"


def market_backdrop_figure(
    market: pl.DataFrame, weekly: pl.DataFrame, *, country: str
) -> go.Figure:
    """The overall market (Indeed index) above our own weekly postings, on separate axes.

    The two series have different units and sources, so they share the time axis only.
    """
    if market.is_empty() and weekly.is_empty():
        return message_figure("No market index or postings published yet.")
    fig = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.08,
        row_heights=[0.55, 0.45],
        subplot_titles=(
            f"Indeed Job Postings Index, {_text(country)} (100 = 1 Feb 2020, seasonally adjusted)",
            f"Postings in Skill Radar per week · n = {int(weekly['postings'].sum()):,}",
        ),
    )
    fig.add_trace(
        go.Scatter(
            name=f"Indeed index ({_text(country)})",
            x=market["week"].to_list(),
            y=market["index_sa"].to_list(),
            mode="lines",
            line={"color": PALETTE[0], "width": 2},
            hovertemplate="Week of %{x|%d %b %Y}: index %{y:.1f}<extra></extra>",
        ),
        row=1,
        col=1,
    )
    fig.add_trace(
        go.Bar(
            name="Postings (all)",
            x=weekly["week"].to_list(),
            y=weekly["postings"].to_list(),
            marker={"color": "rgba(108,117,125,0.45)"},
            customdata=weekly["unique_postings"].to_list(),
            hovertemplate=(
                "Week of %{x|%d %b %Y}: %{y:,} postings (%{customdata:,} unique)<extra></extra>"
            ),
        ),
        row=2,
        col=1,
    )
    _base_layout(
        fig,
        title="The market behind the skills",
        attribution=f"Sources: {MARKET_ATTRIBUTION}; "
        + POSTINGS_ATTRIBUTION.removeprefix("Source: "),
        height=560,
    )
    fig.update_yaxes(title_text="Index (100 = Feb 2020)", row=1, col=1)
    fig.update_yaxes(title_text="Postings per week (n)", tickformat=",d", row=2, col=1)
    fig.update_xaxes(title_text="Week (starting Monday)", row=2, col=1)
    fig.update_layout(showlegend=False, bargap=0.2)
    return fig
