// The moderate case from issue 17, as an exported review file: Child A, 5 attendees (no one
// from the police), 5 documents including a police one, 6 immediate thoughts, a 17-box tree
// with long texts, 5 worries, 3 things that worked well, 3 gaps and 5 actions.
let next = 100;
const node = (text, children = [], status = "unmarked") => ({ id: next++, text, children, status });

export const CHILD_A_TITLE = "Child A rapid review";

export function childAFile() {
  next = 100;
  const tree = {
    focal_point: "I was living with fighting at home and missing school, and nobody put the pieces together",
    effects: [
      node("Child A missed 38 school days this year and is behind with reading", [
        node("May start secondary school without the reading skills she needs"),
      ]),
      node("She has stopped talking about home with her teacher and seems withdrawn", [
        node("Trusted adults outside the family may not hear if she is harmed"),
      ]),
      node("Each service saw part of the picture and assessed again from the start"),
    ],
    causes: [
      node("Absences were recorded by school but not shared with social care", [
        node("No routine link between absence records and safeguarding records at school", [
          node("The attendance officer post was vacant for most of the autumn term"),
        ], "hypothesis"),
        node("School thought the family was known to social care and that someone else was acting"),
      ]),
      node("The police domestic abuse notification did not reach school or the health visitor", [
        node("Operation Encompass was not set up for the school she moved to", [], "agreed_root_cause"),
        node("The health visitor was not on the list for notices about older children"),
        node("Sharing relied on phone calls rather than a shared chronology"),
      ]),
      node("Mum's own health and housing worries filled every professional visit", [
        node("Temporary housing moved the family twice in six months, each time to a new team"),
        node("Nobody asked Child A directly what life at home was like for her", [
          node("Visits were in school hours, when she was not at home"),
        ], "hypothesis"),
      ]),
    ],
    parked: [],
  };
  const cd = {
    header: {
      child_name: "Child A",
      date_of_referral: "2026-10-19",
      date_of_discussion: "2026-11-24",
      facilitator: "Independent reviewer, Safeguarding Partnership",
      focal_question: "Why was the harm at home not seen sooner?",
      attendees: [
        { id: 1, name: "S.", role: "Social worker", agency: "Children's social care", second_hat: "", attendance: "present" },
        { id: 2, name: "P.", role: "Health visitor", agency: "NHS community health", second_hat: "", attendance: "present" },
        { id: 3, name: "J.", role: "Designated safeguarding lead", agency: "Northside Primary School", second_hat: "", attendance: "present" },
        { id: 4, name: "R.", role: "Housing officer", agency: "Housing", second_hat: "", attendance: "by_phone" },
        { id: 5, name: "D.", role: "GP", agency: "GP practice", second_hat: "", attendance: "apologies" },
      ],
    },
    facts: [
      { id: 6, text: "Referral form, 19 October", source: "Front door team" },
      { id: 7, text: "Police domestic abuse incident report, 2 October", source: "Police" },
      { id: 8, text: "School attendance record, September to November", source: "Northside Primary School" },
      { id: 9, text: "Health visiting chronology for the younger sibling", source: "NHS community health" },
      { id: 10, text: "Housing history: two moves in six months", source: "Housing" },
    ],
    about_child:
      "Child A is 9. She lives with her mum and her baby brother in temporary housing. She likes drawing and her teacher says she is kind to younger children. Since the spring she is often tired, hungry and late.",
    immediate_thoughts: [
      { id: 11, text: "She has missed 38 days of school since September", marked_as: "fact" },
      { id: 12, text: "It feels as if everyone was waiting for someone else to act", marked_as: "feeling" },
      { id: 13, text: "The police report was never shared with the school", marked_as: "fact" },
      { id: 14, text: "I worry we only ever spoke to mum, not to Child A", marked_as: "feeling" },
      { id: 15, text: "The family moved twice, each time to a new housing team", marked_as: "fact" },
      { id: 16, text: "Mum was open about money worries but not about home", marked_as: "unmarked" },
    ],
    tree,
    worries: [
      { id: 17, text: "Child A may still be hearing fighting at home most nights" },
      { id: 18, text: "Her baby brother is at home all day and no one outside sees him" },
      { id: 19, text: "Mum may not feel safe to tell us what is happening" },
      { id: 20, text: "Another move would break the few links she has at school" },
      { id: 21, text: "Nobody has heard from Child A in her own words" },
    ],
    strengths: [
      { id: 22, text: "Her teacher noticed she was hungry and set up breakfast club" },
      { id: 23, text: "The health visitor kept visiting after two missed appointments" },
      { id: 24, text: "Housing found a place near school at the second move" },
    ],
    information_gaps: [
      { id: 25, what: "What the police know of earlier incidents", who: "Police, via the partnership", by_when: "2026-12-01" },
      { id: 26, what: "Whether the GP has seen mum about her own health", who: "GP practice", by_when: "2026-12-04" },
      { id: 27, what: "Child A's own view of home and school", who: "Social worker", by_when: "2026-12-08" },
    ],
    people_to_involve: [],
    actions: [
      { id: 28, number: 1, action: "Set up Operation Encompass notices for Northside Primary", who_by: "School DSL", lead_agency: "Education", due: "2026-12-08",
        how_we_will_know: "School receives a test notice", difference_for_child: "School can support her the morning after" },
      { id: 29, number: 2, action: "Speak with Child A on her own about home and school", who_by: "Social worker", lead_agency: "Children's social care", due: "2026-12-01",
        how_we_will_know: "Her words are in the assessment", difference_for_child: "Plans start from what she says" },
      { id: 30, number: 3, action: "Share the domestic abuse history with health and school", who_by: "Police public protection unit", lead_agency: "Police", due: "2026-11-27",
        how_we_will_know: "Chronology updated by every agency", difference_for_child: "Everyone sees the same picture" },
      { id: 31, number: 4, action: "Agree one shared chronology for the family", who_by: "Social worker", lead_agency: "Children's social care", due: "2026-12-08",
        how_we_will_know: "", difference_for_child: "Fewer repeated questions for mum" },
      { id: 32, number: 5, action: "Single-agency action plans to the partnership", who_by: "Each agency lead", due: "2026-12-08",
        how_we_will_know: "Plans received", difference_for_child: "Learning reaches practice" },
    ],
    outcome: { agreement: "", dissent: "" },
    next_id: 40,
  };
  const review = {
    id: "a17a17a1-7a17-4a17-8a17-a17a17a17a17",
    title: CHILD_A_TITLE,
    created: "2026-11-24T09:00:00Z",
    updated: "2026-11-24T10:30:00Z",
    body: { case_discussion: cd },
  };
  return JSON.stringify({ format: "case-review-studio", version: 2, exported_at: "2026-11-24T10:31:00Z", reviews: [review] });
}

/** Imports Child A into the library and opens it. */
export async function openChildA(page) {
  await page.getByLabel("Review file to open").setInputFiles({
    name: "child-a.json", mimeType: "application/json", buffer: Buffer.from(childAFile()),
  });
  await page.getByText("Imported 1 review.").waitFor();
  await page.getByRole("link", { name: CHILD_A_TITLE }).click();
  await page.getByLabel("Review title").waitFor();
}
