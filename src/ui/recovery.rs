//! Recovery is what the app does as it starts (or is unlocked) so that nothing typed is
//! lost: edits that a tab had only in its journal when it went (a reload, a crash, the
//! browser closed) are saved into their review, or kept as a separate copy if the review
//! was changed elsewhere since; and reviews written to the browser's smaller local storage
//! while its database would not open are moved back into the database. The person is told
//! in one plain message.

use crate::storage::journal::{recover, Journal, Recovered};
use crate::storage::{BroughtBack, ReviewStore};
use crate::ui::browser::{format_local, new_id, now};

/// Recovers what can be, and says what happened (`None` when there was nothing to do).
pub async fn recover_and_tell(store: &ReviewStore, journal: &Journal) -> Option<String> {
    let back = store.bring_back_fallback_reviews(&new_id).await;
    let recovered = recover(store, journal, &new_id, now()).await;
    let mut said: Vec<String> = recovered.iter().map(describe).collect();
    said.extend(describe_brought_back(&back));
    (!said.is_empty()).then(|| said.join(" "))
}

fn when(t: &Option<chrono::DateTime<chrono::Utc>>) -> String {
    t.map(|t| format!(" from {}", format_local(t))).unwrap_or_default()
}

fn describe(r: &Recovered) -> String {
    match r {
        Recovered::Restored { title, written_at } => {
            format!("Recovered your last edits to “{title}”{}.", when(written_at))
        }
        Recovered::KeptAsCopy { title, copy_title, written_at } => format!(
            "Your last edits to “{title}”{} were recovered as a separate review, “{copy_title}”, because \
             “{title}” was changed elsewhere afterwards. Nothing was overwritten.",
            when(written_at)
        ),
        Recovered::Failed { why } => format!("Some unsaved edits could not be brought back yet: {why}"),
    }
}

fn reviews(n: usize) -> String {
    if n == 1 { "1 review".into() } else { format!("{n} reviews") }
}

fn describe_brought_back(b: &BroughtBack) -> Vec<String> {
    let mut out = Vec::new();
    if b.moved > 0 {
        out.push(format!(
            "{} written while the browser's database was unavailable {} back in the database.",
            reviews(b.moved),
            if b.moved == 1 { "is" } else { "are" }
        ));
    }
    if b.as_copies > 0 {
        out.push(format!(
            "{} written meanwhile also existed in the database with other content, so {} added as separate copies.",
            reviews(b.as_copies),
            if b.as_copies == 1 { "it was" } else { "they were" }
        ));
    }
    if b.left > 0 {
        out.push(format!(
            "{} written while the database was unavailable could not be moved back and {} kept where {} {}: export {} to be safe.",
            reviews(b.left),
            if b.left == 1 { "is" } else { "are" },
            if b.left == 1 { "it" } else { "they" },
            if b.left == 1 { "was" } else { "were" },
            if b.left == 1 { "it" } else { "them" },
        ));
    }
    out
}
