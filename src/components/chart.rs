//! Small hand-drawn SVG charts: bars and lines, each with a title, a description for screen
//! readers and the figures as a table, so the chart reads without sight and prints in black
//! and white.
//!
//! Geometry is computed in whole SVG units from exact decimals: no float touches an amount.

use encaisse_domain::Decimal;
use leptos::prelude::*;

/// Drawing area of every chart, in SVG units; the SVG scales to its container.
const WIDTH: i64 = 640;
const HEIGHT: i64 = 220;
/// Room under the bars for the labels.
const AXIS: i64 = 28;
/// How close to a side a centred label may be without being cut ("sept. 26" is about 56
/// units wide).
const LABEL_MARGIN: i64 = 30;

/// A label near a side starts or ends at its point instead of being centred on it and cut.
fn anchor(x: i64) -> &'static str {
    if x < LABEL_MARGIN {
        "start"
    } else if x > WIDTH - LABEL_MARGIN {
        "end"
    } else {
        "middle"
    }
}

/// One bar, or one point of a line.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Decimal,
    /// The value as the reader sees it (`1 234,56 €`, `45,2 j`).
    pub shown: String,
    /// Where the bar's row in the table of figures leads: the invoices behind it.
    pub href: Option<String>,
    /// A class that sets its colour (`overdue`, `disputed`...).
    pub class: &'static str,
}

/// `value` scaled to `span` units against `max`, in whole units. Whole euros (or days) are
/// precise enough for a chart's pixels, and integer arithmetic is far smaller in the bundle
/// than decimal division.
fn scale(value: Decimal, max: Decimal, span: i64) -> i64 {
    let whole = |d: Decimal| i64::try_from(d.trunc()).unwrap_or(0);
    let max = whole(max);
    if max <= 0 {
        return 0;
    }
    whole(value).clamp(0, max).saturating_mul(span) / max
}

/// Which labels to print under many bars: every one for up to 13, then one in three.
fn label_step(count: usize) -> usize {
    if count <= 13 {
        1
    } else {
        3
    }
}

/// One row of a chart's table: its cells, and where the first one leads, if anywhere.
type Row = (Vec<String>, Option<String>);

/// The figures of a chart as a table: its text alternative, and where the drill-down links
/// live (links inside an SVG would need their own namespace and are unreachable by keyboard
/// in some browsers).
fn data_table(caption: &str, head: &[String], rows: Vec<Row>) -> impl IntoView {
    let caption = caption.to_string();
    let head = head.to_vec();
    view! {
        <details class="chart-data">
            <summary>{caption.clone()}</summary>
            <table>
                <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|(cells, href)| {
                        let mut cells = cells.into_iter();
                        let first = cells.next().unwrap_or_default();
                        view! {
                            <tr>
                                <td>{match href {
                                    Some(href) => view! { <a href=href>{first}</a> }.into_any(),
                                    None => first.into_any(),
                                }}</td>
                                {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}

/// A bar chart; `data_caption` names the table of figures, `head` its two columns.
pub fn bar_chart(
    title: &str,
    description: String,
    data_caption: &str,
    head: [String; 2],
    bars: Vec<Bar>,
    testid: &'static str,
) -> impl IntoView {
    let max = bars.iter().map(|b| b.value).max().unwrap_or_default();
    let count = i64::try_from(bars.len().max(1)).unwrap_or(1);
    let slot = WIDTH / count;
    let bar_width = (slot * 7 / 10).max(2);
    let step = label_step(bars.len());
    let rows = bars
        .iter()
        .map(|b| (vec![b.label.clone(), b.shown.clone()], b.href.clone()))
        .collect();
    let marks = bars
        .into_iter()
        .enumerate()
        .map(|(index, bar)| {
            let height = scale(bar.value, max, HEIGHT - AXIS - 16);
            let x = slot * index as i64 + (slot - bar_width) / 2;
            let y = HEIGHT - AXIS - height;
            let label = (index % step == 0).then(|| bar.label.clone());
            let tooltip = format!("{} : {}", bar.label, bar.shown);
            view! {
                <g>
                    <rect class=format!("bar {}", bar.class) x=x y=y width=bar_width height=height.max(1)>
                        <title>{tooltip}</title>
                    </rect>
                    {label.map(|text| view! {
                        <text class="axis-label" x=x + bar_width / 2 y=HEIGHT - AXIS + 16 text-anchor=anchor(x + bar_width / 2)>{text}</text>
                    })}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>{title.to_string()}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=format!("{title}. {description}")>
                <line class="axis" x1="0" x2=WIDTH y1=HEIGHT - AXIS y2=HEIGHT - AXIS/>
                {marks}
            </svg>
            {data_table(data_caption, &head, rows)}
        </figure>
    }
}

/// One line of a line chart: its name, class and one value per label (None: no figure).
pub struct Line {
    pub name: String,
    pub class: &'static str,
    pub values: Vec<Option<Decimal>>,
    pub shown: Vec<String>,
}

/// A line chart over shared labels (months), with a legend; each label's row in the table of
/// figures may lead somewhere (`links`, one per label).
pub fn line_chart(
    title: &str,
    description: String,
    data_caption: &str,
    labels: Vec<String>,
    links: Vec<Option<String>>,
    lines: Vec<Line>,
    testid: &'static str,
) -> impl IntoView {
    let max = lines
        .iter()
        .flat_map(|l| l.values.iter().flatten())
        .copied()
        .max()
        .unwrap_or_default();
    let count = i64::try_from(labels.len().max(2)).unwrap_or(2);
    let step_x = WIDTH / (count - 1);
    let plot = HEIGHT - AXIS - 16;
    let label_every = label_step(labels.len());
    let mut head = vec![String::new()];
    head.extend(lines.iter().map(|l| l.name.clone()));
    let rows = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let mut row = vec![label.clone()];
            row.extend(lines.iter().map(|l| l.shown[i].clone()));
            (row, links.get(i).cloned().flatten())
        })
        .collect();
    let legend = lines
        .iter()
        .map(|l| view! { <li><span class=format!("swatch {}", l.class)></span>{l.name.clone()}</li> })
        .collect_view();
    let paths = lines
        .iter()
        .map(|line| {
            let points: Vec<String> = line
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    v.map(|v| format!("{},{}", step_x * i as i64, HEIGHT - AXIS - scale(v, max, plot)))
                })
                .collect();
            view! { <polyline class=format!("line {}", line.class) fill="none" points=points.join(" ")/> }
        })
        .collect_view();
    let ticks = labels
        .iter()
        .enumerate()
        .filter(|(i, _)| i % label_every == 0)
        .map(|(i, label)| {
            let x = step_x * i as i64;
            view! { <text class="axis-label" x=x y=HEIGHT - AXIS + 16 text-anchor=anchor(x)>{label.clone()}</text> }
        })
        .collect_view();
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>{title.to_string()}</figcaption>
            <ul class="legend">{legend}</ul>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=format!("{title}. {description}")>
                <line class="axis" x1="0" x2=WIDTH y1=HEIGHT - AXIS y2=HEIGHT - AXIS/>
                {paths}
                {ticks}
            </svg>
            {data_table(data_caption, &head, rows)}
        </figure>
    }
}
