// Review records for the benchmark, built with plain JavaScript in the same shapes the app
// writes (src/storage/file_format.rs `write_file` with one review; src/storage/record.rs
// `LibraryEntry`; src/model/*.rs). Deterministic: the same seed gives the same reviews, so
// every run and both sides (app and baseline) see exactly the same data.
// Runs in Node (to make the 10 MB import file) and in the page (to fill IndexedDB).

export const DATABASE_NAME = "case-review-studio";
export const REVIEWS = "reviews";
export const LIBRARY = "library";

/** A small seeded random source (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4 shaped UUID from the random source. */
export function uuid(rand) {
  const hex = () => Math.floor(rand() * 16).toString(16);
  let s = "";
  for (let i = 0; i < 32; i++) s += hex();
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${"89ab"[Math.floor(rand() * 4)]}${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

/** RFC 3339 as chrono writes it: no fraction when it is zero. */
export function rfc3339(ms) {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

function day(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

const WORDS = (
  "nursery health visitor school attendance referral housing move appointment letter address " +
  "mum dad sibling grandmother hungry quiet speech hearing missed follow up record shared agency " +
  "police social worker chronology assessment plan meeting concern bruise neglect support family " +
  "worried strengths together learning system practice episode review child voice weekend"
).split(" ");

function sentence(rand, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]);
  const s = out.join(" ");
  return s[0].toUpperCase() + s.slice(1) + ".";
}

function text(rand, chars) {
  let s = "";
  while (s.length < chars) s += (s ? " " : "") + sentence(rand, 6 + Math.floor(rand() * 10));
  return s.slice(0, chars);
}

/** A long text of about `chars` characters, in paragraphs. */
export function longText(rand, chars) {
  const parts = [];
  let n = 0;
  while (n < chars) {
    const p = text(rand, 400 + Math.floor(rand() * 400));
    parts.push(p);
    n += p.length + 2;
  }
  return parts.join("\n\n").slice(0, chars);
}

/**
 * Analysis-tree boxes: `count` boxes under one root, each parent with up to `fan`
 * children, breadth first (so a 100-box subtree is about 4 levels deep).
 */
function subtree(rand, nextId, count, fan, chars, withStatus) {
  const statuses = ["unmarked", "hypothesis", "agreed_root_cause"];
  const make = () => ({
    id: nextId(),
    text: text(rand, chars),
    children: [],
    status: withStatus ? statuses[Math.floor(rand() * 3)] : "unmarked",
  });
  const root = make();
  const queue = [root];
  let made = 1;
  while (made < count) {
    const parent = queue.shift();
    for (let i = 0; i < fan && made < count; i++) {
      const child = make();
      parent.children.push(child);
      queue.push(child);
      made++;
    }
  }
  return root;
}

function countNodes(nodes) {
  return nodes.reduce((n, x) => n + 1 + countNodes(x.children), 0);
}

/**
 * A tree of `total` boxes: a fifth effects, the rest causes; the first cause is a subtree
 * of exactly `moveSize` boxes (the one the drag figure moves).
 */
export function makeTree(rand, total, { moveSize = 50, chars = 60, focal = "J's hearing problem went unchecked for six months" } = {}) {
  let id = 0;
  const nextId = () => ++id;
  const effectsTotal = Math.round(total / 5);
  const effects = [];
  for (let left = effectsTotal; left > 0; ) {
    const n = Math.min(left, 25);
    effects.push(subtree(rand, nextId, n, 3, chars, false));
    left -= n;
  }
  const causes = [subtree(rand, nextId, moveSize, 3, chars, true)];
  for (let left = total - effectsTotal - moveSize; left > 0; ) {
    const n = Math.min(left, 50);
    causes.push(subtree(rand, nextId, n, 3, chars, true));
    left -= n;
  }
  const tree = { focal_point: focal, effects, causes };
  if (countNodes(effects) + countNodes(causes) !== total) throw new Error("tree size");
  return tree;
}

const BASE_TIME = Date.UTC(2026, 0, 5, 9, 0, 0);

/**
 * A case discussion. `size`: "small" (a few points, like the test fixture), "large"
 * (every section filled, a 500-box tree) or "tree" (only a tree of `treeNodes` boxes).
 * `pad`: characters of long text spread over five free-text fields (for the 10 MB file).
 */
export function makeCaseDiscussion(seed, { size = "small", title, treeNodes = 500, pad = 0 } = {}) {
  const rand = random(seed);
  const id = uuid(rand);
  const created = BASE_TIME + Math.floor(rand() * 200) * 86_400_000 + Math.floor(rand() * 36_000) * 1000;
  const updated = created + Math.floor(rand() * 30) * 86_400_000 + 3_600_000;
  const exported = rand() < 0.4 ? updated - 86_400_000 : rand() < 0.5 ? updated + 60_000 : null;
  let item = 0;
  const nextItem = () => ++item;
  const counts =
    size === "large"
      ? { attendees: 12, facts: 30, thoughts: 40, worries: 40, strengths: 30, gaps: 20, people: 10, actions: 15 }
      : size === "tree"
        ? { attendees: 0, facts: 0, thoughts: 0, worries: 0, strengths: 0, gaps: 0, people: 0, actions: 0 }
        : { attendees: 3, facts: 2, thoughts: 3, worries: 3, strengths: 2, gaps: 2, people: 1, actions: 2 };
  const many = (n, f) => Array.from({ length: n }, f);
  const agencies = ["Children's services", "Community health", "Nursery", "Police", "Housing", "Primary school", "GP practice"];
  const header = {
    child_name: size === "tree" ? "" : "Child J",
    date_of_referral: size === "tree" ? null : day(created - 20 * 86_400_000),
    date_of_discussion: size === "tree" ? null : day(created),
    facilitator: size === "tree" ? "" : "Independent facilitator (Safeguarding Partnership)",
    focal_question: size === "tree" ? "" : "Why were J's health needs not noticed sooner?",
    attendees: many(counts.attendees, (_, i) => ({
      id: nextItem(),
      name: `${String.fromCharCode(65 + (i % 26))}.`,
      role: text(rand, 20),
      agency: agencies[i % agencies.length],
      second_hat: i % 4 === 1 ? `Speaking for ${agencies[(i + 3) % agencies.length]}` : "",
    })),
  };
  const body = {
    header,
    facts: many(counts.facts, () => ({ id: nextItem(), text: text(rand, 50), source: agencies[Math.floor(rand() * agencies.length)] })),
    about_child: size === "tree" ? "" : longText(rand, size === "large" ? 3000 : 300),
    immediate_thoughts: many(counts.thoughts, (_, i) => ({ id: nextItem(), text: text(rand, 90), marked_as: ["fact", "feeling", "unmarked"][i % 3] })),
    tree:
      size === "small"
        ? makeTree(rand, 6, { moveSize: 2 })
        : makeTree(rand, treeNodes, { moveSize: Math.min(50, treeNodes) }),
    worries: many(counts.worries, () => ({ id: nextItem(), text: text(rand, 120) })),
    strengths: many(counts.strengths, () => ({ id: nextItem(), text: text(rand, 120) })),
    information_gaps: many(counts.gaps, (_, i) => ({
      id: nextItem(),
      what: text(rand, 70),
      who: agencies[i % agencies.length],
      by_when: i % 2 ? day(created + (i + 3) * 86_400_000) : null,
    })),
    people_to_involve: many(counts.people, (_, i) => ({ id: nextItem(), who: agencies[i % agencies.length], why: text(rand, 60) })),
    actions: many(counts.actions, (_, i) => ({
      id: nextItem(),
      action: text(rand, 100),
      who_by: agencies[i % agencies.length],
      due: day(created + (10 + i) * 86_400_000),
      how_we_will_know: text(rand, 60),
      difference_for_child: text(rand, 60),
    })),
    outcome: {
      agreement: size === "tree" ? "" : text(rand, 300),
      dissent: size === "tree" ? "" : text(rand, 200),
    },
    next_id: 0,
  };
  if (pad > 0) {
    // The app keeps any single text under 2,000,000 characters; spread the bulk over five.
    const each = Math.ceil(pad / 5);
    body.about_child = longText(rand, each);
    body.outcome.agreement = longText(rand, each);
    body.outcome.dissent = longText(rand, each);
    body.tree.focal_point = longText(rand, each);
    body.header.focal_question = text(rand, each);
  }
  body.next_id = item + 1;
  return {
    id,
    title: title ?? `Child ${String.fromCharCode(65 + (seed % 26))}${seed} – ${text(rand, 30).replace(/\.$/, "").toLowerCase()}`,
    created: rfc3339(created),
    updated: rfc3339(updated),
    last_exported: exported === null ? null : rfc3339(exported),
    body: { case_discussion: body },
  };
}

/** A small Learning Together review. */
export function makeLearningTogether(seed) {
  const rand = random(seed);
  const id = uuid(rand);
  const created = BASE_TIME + Math.floor(rand() * 200) * 86_400_000;
  const updated = created + Math.floor(rand() * 30) * 86_400_000 + 3_600_000;
  return {
    id,
    title: `Family ${String.fromCharCode(65 + (seed % 26))}${seed} systems review`,
    created: rfc3339(created),
    updated: rfc3339(updated),
    last_exported: null,
    body: {
      learning_together: {
        family_pseudonym: `Family ${String.fromCharCode(65 + (seed % 26))}`,
        scope: text(rand, 160),
        participants: Array.from({ length: 4 }, (_, i) => ({ id: i + 1, role: text(rand, 14), agency: text(rand, 18) })),
      },
    },
  };
}

/** The library's small reviews: two case discussions to every Learning Together review. */
export function makeLibraryReview(i) {
  return i % 3 === 2 ? makeLearningTogether(1000 + i) : makeCaseDiscussion(1000 + i);
}

/** A review file (the format the app exports and keeps in its "reviews" store). */
export function reviewFile(reviews, exportedAt) {
  return JSON.stringify({ format: "case-review-studio", version: 2, exported_at: exportedAt, reviews }, null, 2);
}

/** The two stored texts for one review, as src/storage/record.rs `encode` writes them. */
export function storedRecord(review, revision = 1) {
  const kind = review.body.case_discussion ? "case_discussion" : "learning_together";
  return {
    id: review.id,
    reviewText: reviewFile([review], review.updated),
    entryText: JSON.stringify({
      id: review.id,
      kind,
      title: review.title,
      created: review.created,
      updated: review.updated,
      last_exported: review.last_exported,
      revision,
    }),
  };
}

/** Opens the database with the app's schema (version 1, two object stores). */
export function openDatabase() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DATABASE_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(REVIEWS)) db.createObjectStore(REVIEWS);
      if (!db.objectStoreNames.contains(LIBRARY)) db.createObjectStore(LIBRARY);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Puts stored records into IndexedDB in one transaction (in the page). */
export async function putRecords(records) {
  const db = await openDatabase();
  await new Promise((resolve, reject) => {
    const tx = db.transaction([REVIEWS, LIBRARY], "readwrite");
    const reviews = tx.objectStore(REVIEWS);
    const library = tx.objectStore(LIBRARY);
    for (const r of records) {
      reviews.put(r.reviewText, r.id);
      library.put(r.entryText, r.id);
    }
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}

/** Reads one stored review text (in the page), or null. */
export async function getReviewText(id) {
  const db = await openDatabase();
  try {
    return await new Promise((resolve, reject) => {
      const req = db.transaction(REVIEWS).objectStore(REVIEWS).get(id);
      req.onsuccess = () => resolve(req.result ?? null);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

/**
 * The data sets the benchmark seeds, by name. Each returns reviews; the page turns them
 * into stored records.
 */
export function dataset(name) {
  switch (name) {
    case "library-1":
    case "library-100":
    case "library-1000": {
      const n = Number(name.split("-")[1]);
      return Array.from({ length: n }, (_, i) => makeLibraryReview(i));
    }
    case "large":
      return [makeCaseDiscussion(7, { size: "large", title: "Large review – all sections, 500-box tree" })];
    case "tree":
      return [makeCaseDiscussion(8, { size: "tree", title: "Tree of 500 boxes" })];
    case "ten-mb":
      return [makeCaseDiscussion(9, { size: "large", title: "Ten megabyte review", pad: 9_790_000 })];
    default:
      throw new Error(`unknown data set ${name}`);
  }
}

/** Seeds the named data set into this page's IndexedDB; returns the reviews' ids. */
export async function seed(name) {
  const reviews = dataset(name);
  await putRecords(reviews.map((r) => storedRecord(r)));
  return reviews.map((r) => r.id);
}
