//! The print views of a Learning Together review. The **review report** (A4 portrait)
//! gathers the case, the people by role (not the team's internal stage table), the narrative of multi-agency
//! perspectives, the key practice episodes, the contributory factors by level, the findings
//! and the recommendations. The records of the one-to-one conversations are not printed in
//! it: they are the review team's working notes, and the report draws on them through the
//! analysis. The **key practice episodes table** is SCIE's template on A4 landscape. The
//! **letters** print one to a page, ready to send. The **progress** sheet (A4 landscape)
//! is for the review team alone: the stages against their target dates and each
//! participant's journey, marked as an internal working record, never in the report.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::print_page::{bullet_list, draft_mark, long_date, none_recorded, or_not_recorded, PrintToolbar};
use crate::model::conversation_guide::SOURCE as GUIDE_SOURCE;
use crate::model::participant_journey::JourneyStep;
use crate::model::review_stage::ReviewStage;
use crate::model::LearningTogether;
use crate::model::Review;
use crate::ui::route::PrintView;

/// One loaded Learning Together review in a printed form, under the on-screen toolbar.
#[component]
pub fn LtPrintedReview(
    review: Review,
    print_view: PrintView,
    printed_on: Option<NaiveDate>,
    /// For an anonymised copy: the review it was made from.
    anonymised_from: Option<crate::model::ReviewId>,
) -> impl IntoView {
    let lt = review.learning_together().cloned().unwrap_or_default();
    let heading = match print_view {
        PrintView::EpisodesTable => "Key practice episodes",
        PrintView::Letters => "Letters to participants",
        PrintView::Progress => "Review progress (internal)",
        _ => "Learning Together review report",
    };
    let previous_title = document().title();
    document().set_title(&format!("{heading} – {}", review.title));
    on_cleanup(move || document().set_title(&previous_title));
    let id = anonymised_from.unwrap_or(review.id);
    let title = review.title.clone();
    let checked = review.clone();
    let shown = match print_view {
        PrintView::Notes | PrintView::ToolSheet | PrintView::Report => PrintView::Report,
        other => other,
    };
    view! {
        <div class="print-view">
            <PrintToolbar id=id print_view=shown anonymised=anonymised_from.is_some()/>
            <crate::ui::widgets::ShareCheckNote review=checked/>
            {match shown {
                PrintView::EpisodesTable => view! { <EpisodesPaper title=title lt=lt printed_on=printed_on/> }.into_any(),
                PrintView::Letters => view! { <LettersPaper lt=lt/> }.into_any(),
                PrintView::Progress => view! { <ProgressPaper title=title lt=lt printed_on=printed_on/> }.into_any(),
                _ => view! { <ReportPaper title=title lt=lt printed_on=printed_on/> }.into_any(),
            }}
        </div>
    }
}

fn multiline(text: &str) -> AnyView {
    if text.trim().is_empty() {
        none_recorded()
    } else {
        view! { <p class="print-multiline">{text.trim().to_string()}</p> }.into_any()
    }
}

/// The review report, A4 portrait.
#[component]
fn ReportPaper(title: String, lt: LearningTogether, printed_on: Option<NaiveDate>) -> impl IntoView {
    let participants = if lt.participants.is_empty() {
        none_recorded()
    } else {
        view! {
            <table class="print-table">
                <thead><tr><th scope="col">"Role"</th><th scope="col">"Agency or pseudonym"</th><th scope="col">"Conversation"</th></tr></thead>
                <tbody>
                    {lt.participants.iter().map(|p| {
                        let conv = lt.conversation_with(p.id).map(|c| c.date.map(long_date).unwrap_or_else(|| "Held (date not recorded)".into()))
                            .unwrap_or_else(|| "Not recorded".into());
                        let second = if p.is_family_member { format!("Family member: {}", p.pseudonym.trim()) } else { p.agency.trim().to_string() };
                        view! { <tr><td>{p.role.trim().to_string()}</td><td>{second}</td><td>{conv}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    let narrative = bullet_list(lt.narrative().into_iter().map(|e| {
        let when = e.date_or_period.text();
        view! {
            <li>
                <strong>{if when.is_empty() { "Date not recorded".to_string() } else { when }}": "</strong>
                <span class="print-multiline">{e.what_happened.trim().to_string()}</span>
                {(!e.views.is_empty()).then(|| view! {
                    <ul class="print-list">{e.views.iter().map(|v| view! {
                        <li><em>{v.agency.trim().to_string()}": "</em><span class="print-multiline">{v.view.trim().to_string()}</span></li>
                    }).collect_view()}</ul>
                })}
            </li>
        }
    }));
    let episodes = lt.episodes_in_order();
    let episode_list = bullet_list(episodes.iter().enumerate().map(|(n, e)| {
        let factors: Vec<String> = lt.factors_of(e.id).iter().map(|f| f.text.clone()).collect();
        view! {
            <li>
                <h3>{format!("Episode {}: {}", n + 1, e.episode)}</h3>
                <dl class="print-outcome">
                    <dt>"When"</dt><dd>{or_not_recorded(&e.date_or_period.text())}</dd>
                    <dt>"Roles involved"</dt><dd>{or_not_recorded(&e.roles_involved.iter().map(|r| r.trim()).filter(|r| !r.is_empty()).collect::<Vec<_>>().join("; "))}</dd>
                    <dt>"What happened"</dt><dd>{multiline(&e.what_happened)}</dd>
                    <dt>"Appraisal"</dt><dd>{e.appraisal.label()}</dd>
                    <dt>"Why it made sense at the time"</dt><dd>{multiline(&e.why_it_made_sense)}</dd>
                    <dt>"Contributory factors"</dt><dd>{or_not_recorded(&factors.join("; "))}</dd>
                </dl>
            </li>
        }
    }));
    let factors = lt
        .factors_by_level()
        .into_iter()
        .map(|(level, fs)| {
            view! {
                <h3>{level.label()}</h3>
                {bullet_list(fs.into_iter().map(|f| {
                    let linked: Vec<String> = lt.episodes_of(f.id).iter().map(|e| e.episode.clone()).collect();
                    view! {
                        <li>
                            {f.text.clone()}
                            <span class="print-source">{format!(" ({})", f.category.label())}</span>
                            {(!linked.is_empty()).then(|| view! { <span class="print-source">{format!(" — helps explain: {}", linked.join("; "))}</span> })}
                        </li>
                    }
                }))}
            }
        })
        .collect_view();
    let findings = bullet_list(lt.findings.iter().enumerate().map(|(n, f)| {
        let tags: Vec<&str> = f.pattern_types.iter().map(|p| p.label()).collect();
        let issues: Vec<String> = f.issues_for_the_board.iter().map(|i| i.trim().to_string()).filter(|i| !i.is_empty()).collect();
        let basis = lt.finding_basis(f.id);
        let join = |v: &[String]| if v.is_empty() { "None recorded".to_string() } else { v.join("; ") };
        view! {
            <li class="print-finding">
                <h3>{format!("Finding {}: {}", n + 1, f.statement)}</h3>
                <p><strong>"Pattern types: "</strong>{tags.join("; ")}</p>
                <dl class="print-outcome">
                    <dt>"Key practice episodes it rests on"</dt><dd>{join(&basis.episodes)}</dd>
                    <dt>"Contributory factors it rests on"</dt><dd>{join(&basis.factors)}</dd>
                    <dt>"From conversations with"</dt><dd>{join(&basis.conversations)}</dd>
                    <dt>"How it showed in this case"</dt><dd>{multiline(&f.how_it_showed_in_this_case)}</dd>
                    <dt>"Evidence that it is wider than this case"</dt><dd>{multiline(&f.evidence_it_is_wider)}</dd>
                    <dt>"Why it matters"</dt><dd>{multiline(&f.why_it_matters)}</dd>
                    <dt>"Issues for the board to consider"</dt>
                    <dd>{bullet_list(issues.into_iter().map(|i| view! { <li>{i}</li> }))}</dd>
                </dl>
            </li>
        }
    }));
    let recommendations = bullet_list(lt.recommendations.iter().map(|r| {
        let answers = r.finding.and_then(|f| lt.findings.iter().position(|x| x.id == f)).map(|n| format!(" (finding {})", n + 1));
        view! { <li>{r.text.clone()}<span class="print-source">{answers}</span></li> }
    }));
    let team = bullet_list(lt.review_team.iter().map(|m| view! { <li>{m.role.clone()}</li> }));
    view! {
        <article class="paper paper-report" aria-labelledby="report-title">
            <p class="print-draft-mark">{draft_mark(printed_on)}</p>
            <h1 id="report-title">"Learning Together review report"</h1>
            <p class="paper-subtitle">{title}</p>
            <h2>"The case"</h2>
            <p><strong>"Family pseudonym: "</strong>{or_not_recorded(&lt.family_pseudonym)}</p>
            <h3>"What this review is for"</h3>
            {multiline(&lt.scope)}
            <h2>"Review team"</h2>
            {team}
            <h2>"Participants"</h2>
            <p class="print-source">"Professionals are identified by role and agency; children and family members by pseudonym."</p>
            {participants}
            <h2>"Narrative of multi-agency perspectives"</h2>
            {narrative}
            <h2>"Key practice episodes"</h2>
            {episode_list}
            <h2>"Contributory factors by level"</h2>
            {factors}
            <h2>"Findings"</h2>
            {findings}
            <h2>"Recommendations"</h2>
            {recommendations}
            <p class="paper-source">"Method: SCIE, Learning together to safeguard children: developing a multi-agency systems approach for case reviews. Conversation structure: " {GUIDE_SOURCE} "."</p>
        </article>
    }
}

/// The key practice episodes table, A4 landscape.
#[component]
fn EpisodesPaper(title: String, lt: LearningTogether, printed_on: Option<NaiveDate>) -> impl IntoView {
    let episodes = lt.episodes_in_order();
    let table = if episodes.is_empty() {
        none_recorded()
    } else {
        view! {
            <table class="print-table episodes-table">
                <thead>
                    <tr>
                        <th scope="col">"No."</th>
                        <th scope="col">"Episode"</th>
                        <th scope="col">"Date or period"</th>
                        <th scope="col">"Roles involved"</th>
                        <th scope="col">"What happened"</th>
                        <th scope="col">"Appraisal"</th>
                        <th scope="col">"Why it made sense at the time"</th>
                        <th scope="col">"Contributory factors"</th>
                        <th scope="col">"Source conversations"</th>
                    </tr>
                </thead>
                <tbody>
                    {episodes.iter().enumerate().map(|(n, e)| {
                        let factors: Vec<String> = lt.factors_of(e.id).iter().map(|f| format!("{} ({})", f.text, f.category.label())).collect();
                        let sources: Vec<String> = e.source_conversations.iter()
                            .filter_map(|c| lt.conversation(*c).and_then(|c| lt.participant(c.participant_id)).map(|p| p.label()))
                            .collect();
                        view! {
                            <tr>
                                <td>{n + 1}</td>
                                <td>{e.episode.clone()}</td>
                                <td>{e.date_or_period.text()}</td>
                                <td>{e.roles_involved.iter().map(|r| r.trim()).filter(|r| !r.is_empty()).collect::<Vec<_>>().join("; ")}</td>
                                <td class="print-multiline">{e.what_happened.trim().to_string()}</td>
                                <td>{e.appraisal.label()}</td>
                                <td class="print-multiline">{e.why_it_made_sense.trim().to_string()}</td>
                                <td>{factors.join("; ")}</td>
                                <td>{sources.join("; ")}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <article class="paper paper-episodes" aria-labelledby="episodes-title">
            <p class="print-draft-mark">{draft_mark(printed_on)}</p>
            <h1 id="episodes-title">"Key practice episodes"</h1>
            <p class="paper-subtitle">{title}</p>
            {table}
            <p class="paper-source">"Template for table of key practice episodes: SCIE, Learning together to safeguard children, Appendix 4."</p>
        </article>
    }
}

/// The letters, one to a page.
#[component]
fn LettersPaper(lt: LearningTogether) -> impl IntoView {
    let letter = |heading: &'static str, text: &str| {
        let body = if text.trim().is_empty() {
            view! { <p class="print-none">"Not drafted yet: use “Draft letters from the review’s details” in the review."</p> }.into_any()
        } else {
            view! { <div class="print-multiline letter-body">{text.trim().to_string()}</div> }.into_any()
        };
        view! {
            <article class="paper paper-letter" aria-label=heading>
                <p class="visually-hidden">{heading}</p>
                {body}
            </article>
        }
    };
    view! {
        {letter("Introductory letter", &lt.letters.introductory_letter)}
        {(!lt.letters.family_letter.trim().is_empty()).then(|| letter("Introductory letter for family members", &lt.letters.family_letter))}
        {letter("Explanation of one-to-one conversations", &lt.letters.conversation_explanation)}
    }
}

/// The review team's progress sheet, A4 landscape: never part of the published report.
#[component]
fn ProgressPaper(title: String, lt: LearningTogether, printed_on: Option<NaiveDate>) -> impl IntoView {
    let today = printed_on.unwrap_or_default();
    let date = |d: Option<NaiveDate>| d.map(long_date).unwrap_or_default();
    let stages = ReviewStage::ALL
        .iter()
        .enumerate()
        .map(|(n, &stage)| {
            let dates = lt.stage_dates(stage);
            let timing = lt.stage_timing(stage, today);
            view! {
                <tr class:print-past-target=timing.is_past_target()>
                    <td>{format!("{}. {}", n + 1, stage.label())}</td>
                    <td>{lt.stage_status(stage).label()}</td>
                    <td>{date(dates.target)}</td>
                    <td>{date(dates.completed)}</td>
                    <td>{timing.sentence(today)}</td>
                </tr>
            }
        })
        .collect_view();
    let people = if lt.participants.is_empty() {
        none_recorded()
    } else {
        view! {
            <table class="print-table progress-people">
                <thead>
                    <tr>
                        <th scope="col">"Participant"</th>
                        {JourneyStep::ALL.iter().map(|s| view! { <th scope="col">{s.label()}</th> }).collect_view()}
                        <th scope="col">"Comments asked for by"</th>
                        <th scope="col">"What is next"</th>
                    </tr>
                </thead>
                <tbody>
                    {lt.participants.iter().map(|p| {
                        let j = lt.journey(p.id).unwrap_or_default();
                        let next = j.next(today);
                        view! {
                            <tr>
                                <th scope="row">{p.label()}</th>
                                {JourneyStep::ALL.iter().map(|&s| view! { <td>{date(j.date(s))}</td> }).collect_view()}
                                <td>{date(j.comments_due)}</td>
                                <td class:print-past-target=next.past_its_date>{next.text}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <article class="paper paper-progress" aria-labelledby="progress-title">
            <p class="print-draft-mark">"INTERNAL WORKING RECORD — NOT FOR PUBLICATION"</p>
            <h1 id="progress-title">"Review progress"</h1>
            <p class="paper-subtitle">{title}{printed_on.map(|d| format!(" — as at {}", long_date(d)))}</p>
            <h2>"Stages"</h2>
            <table class="print-table progress-stages">
                <thead>
                    <tr>
                        <th scope="col">"Stage"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Target date"</th>
                        <th scope="col">"Completed on"</th>
                        <th scope="col">"Against its target"</th>
                    </tr>
                </thead>
                <tbody>{stages}</tbody>
            </table>
            <h2>"Participants"</h2>
            {people}
        </article>
    }
}
