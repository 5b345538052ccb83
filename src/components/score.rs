//! A client's payment score as the user reads it: a grade badge with its score, and the list
//! of factors with the points each gave (the score explains itself, issue 5).

use crate::i18n::Texts;
use encaisse_domain::analysis::score::{ClientScore, Grade};
use leptos::prelude::*;

fn grade_class(grade: Grade) -> &'static str {
    match grade {
        Grade::A => "grade grade-a",
        Grade::B => "grade grade-b",
        Grade::C => "grade grade-c",
        Grade::D => "grade grade-d",
        Grade::E => "grade grade-e",
    }
}

/// Points as a contribution reads: "+82", "−5", "0" (a true minus sign, as in print).
fn signed(points: i64) -> String {
    match points {
        0 => "0".into(),
        p if p > 0 => format!("+{p}"),
        p => format!("\u{2212}{}", -p),
    }
}

/// "B 72", with the grade's meaning as its title.
pub fn grade_mark(t: &'static Texts, grade: Grade, score: u8) -> impl IntoView {
    view! {
        <span class=grade_class(grade) title=(t.grade_meaning)(grade) data-grade=grade.letter()>
            {grade.letter()}
        </span>
        " "{score}
    }
}

/// The grade and score, or "—" saying why there is none.
pub fn grade_badge(t: &'static Texts, score: &ClientScore) -> AnyView {
    match *score {
        ClientScore::Scored { score, grade, .. } => grade_mark(t, grade, score).into_any(),
        ClientScore::NotEnoughHistory { paid } => {
            view! { <span class="muted" title=(t.not_enough_history)(paid)>"—"</span> }.into_any()
        }
    }
}

/// The score, its grade's meaning and each factor with its points, which add up to it.
pub fn score_explanation(t: &'static Texts, score: &ClientScore) -> AnyView {
    match score {
        ClientScore::Scored {
            score,
            grade,
            contributions,
        } => {
            let factors = contributions
                .iter()
                .map(|c| {
                    view! {
                        <tr>
                            <td>{(t.factor)(&c.factor)}</td>
                            <td class="num">{signed(c.points)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <p class="score-line" data-testid="client-score">
                    <span class=grade_class(*grade)>{grade.letter()}</span>
                    " "<strong>{(t.score_out_of)(*score)}</strong>" · "{(t.grade_meaning)(*grade)}
                </p>
                <table class="factors" data-testid="score-factors">
                    <tbody>{factors}</tbody>
                </table>
            }
            .into_any()
        }
        ClientScore::NotEnoughHistory { paid } => {
            view! { <p class="muted" data-testid="client-score">{(t.not_enough_history)(*paid)}</p> }
                .into_any()
        }
    }
}
