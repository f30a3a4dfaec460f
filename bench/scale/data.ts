/**
 * The scale benchmark's data set: made deterministically from a seeded PRNG and
 * loaded with bulk `INSERT … SELECT * FROM unnest(…)` statements straight into
 * Postgres (the API would take far too long for 100,000 annotations).
 */
import { createHash } from "node:crypto";
import type pg from "pg";

/** mulberry32: small, fast, good enough for test data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Roughly by frequency: the first words are drawn most often (Zipf-like), so the
// later ones are rarer, as in real text; the search queries use the rarer ones.
const VOCABULARY = (
  "the of and to in a is that for on with as by this are be was it from at or which have an not has their " +
  "more its were been also can than they these but all may other between such health public policy report " +
  "data countries government national evidence system new local economic social study results research people " +
  "increase level rate support services growth trade market services analysis change development risk " +
  "income workers sector children education housing water energy climate emissions costs prices inflation " +
  "employment investment infrastructure households regional federal agency program funding budget tax " +
  "revenue spending debt reform framework strategy measures outcomes impact access quality capacity " +
  "communities population survey sample estimate model findings review assessment indicators targets " +
  "regulation regulatory compliance enforcement transparency accountability governance institutions " +
  "migration agriculture fisheries forestry biodiversity resilience adaptation mitigation transition " +
  "procurement subsidies tariffs exports imports currency monetary fiscal liquidity solvency pensions " +
  "hospital clinics vaccination mortality morbidity nutrition sanitation literacy enrollment curriculum " +
  "broadband telecommunications logistics freight shipping railways highways aviation maritime ports " +
  "cooperative municipal provincial jurisdiction litigation arbitration tribunal ombudsman auditor " +
  "photovoltaic geothermal hydropower desalination groundwater watershed wetlands estuary aquifer " +
  "apprenticeship microfinance remittances cooperatives smallholder pastoralist nomadic seasonal " +
  "quarterly biennial longitudinal counterfactual heterogeneity elasticity multiplier deflator"
).split(" ");

const ARABIC = (
  "في من على إلى أن التي الذي عن مع هذا هذه بين كما الصحة العامة السياسات التقرير البيانات الدول الحكومة " +
  "الأدلة النظام التنمية الاقتصادية الاجتماعية الدراسة النتائج البحث الناس زيادة مستوى معدل الدعم الخدمات " +
  "النمو التجارة السوق التحليل التغيير المخاطر الدخل العمال التعليم الإسكان المياه الطاقة المناخ الانبعاثات"
).split(" ");

function zipfSampler(words: string[], rand: () => number, s = 1.05): () => string {
  const weights = words.map((_, i) => 1 / Math.pow(i + 1, s));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w / total));
  return () => {
    const r = rand();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
}

/** Two-word phrases mixed into the generated sentences now and then. */
const PHRASES = ["public health", "regulatory compliance", "economic growth", "local communities", "water quality", "fiscal reform"];

/** Words picked for search queries: in the data, but not in every row. */
export const SEARCH_WORDS = [
  "regulation",
  "groundwater",
  "procurement",
  "vaccination",
  "literacy",
  "litigation",
  "broadband",
  "remittances",
];
export const SEARCH_PHRASES = [
  '"public health"',
  '"regulatory compliance"',
  '"economic growth"',
  '"الصحة العامة"',
  '"local communities"',
  '"water quality"',
];
export const SEARCH_PREFIXES = ["regul", "infra", "photov", "desal", "apprent", "longit", "الاقتص"];

export interface Sizes {
  reports: number;
  largePassages: number;
  largeWordsPerPassage: number;
  largeAnnotations: number;
  largeReplies: number;
  otherPassages: number;
  otherWordsPerPassage: number;
  totalAnnotations: number;
  members: number;
}

export const FULL: Sizes = {
  reports: 50,
  largePassages: 1000,
  largeWordsPerPassage: 150,
  largeAnnotations: 10_000,
  largeReplies: 30_000,
  otherPassages: 60,
  otherWordsPerPassage: 100,
  totalAnnotations: 100_000,
  members: 20,
};

export const SMALL: Sizes = {
  reports: 5,
  largePassages: 40,
  largeWordsPerPassage: 120,
  largeAnnotations: 100,
  largeReplies: 300,
  otherPassages: 10,
  otherWordsPerPassage: 60,
  totalAnnotations: 200,
  members: 20,
};

export interface DataSet {
  workspaceId: string;
  slug: string;
  ownerId: string;
  ownerToken: string;
  memberIds: string[];
  largeReportId: string;
  smallReportId: string;
  /** Passages of the small report, for the POST and INSERT runs. */
  smallPassages: { id: string; text: string }[];
  counts: {
    reports: number;
    passages: number;
    words: number;
    annotations: number;
    replies: number;
    largeAnnotations: number;
    largeVisibleAnnotations: number;
  };
}

type Column = [name: string, type: string];

/** Multi-row insert through unnest, in chunks. */
async function bulkInsert(client: pg.ClientBase, table: string, columns: Column[], rows: unknown[][], chunk = 10_000): Promise<void> {
  const names = columns.map(([n]) => `"${n}"`).join(", ");
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${unnest})`;
  for (let at = 0; at < rows.length; at += chunk) {
    const part = rows.slice(at, at + chunk);
    await client.query(
      sql,
      columns.map((_, i) => part.map((r) => r[i])),
    );
  }
}

export const ANNOTATION_COLUMNS: Column[] = [
  ["id", "text"],
  ["report_id", "text"],
  ["passage_id", "text"],
  ["author_id", "text"],
  ["kind", '"AnnotationKind"'],
  ["visibility", '"Visibility"'],
  ["body", "text"],
  ["start", "int"],
  ["end", "int"],
  ["quote", "text"],
  ["prefix", "text"],
  ["suffix", "text"],
  ["created_at", "timestamp"],
  ["updated_at", "timestamp"],
];

const KINDS = ["highlight", "comment", "comment", "comment", "question", "claim"];

/** One annotation row on a real substring of `text` (BMP text, so UTF-16 offsets are code points). */
export function annotationRow(
  rand: () => number,
  id: string,
  reportId: string,
  passage: { id: string; text: string },
  authorId: string,
  body: string,
  createdAt: Date,
  visibility = "workspace",
): unknown[] {
  const len = passage.text.length;
  const span = Math.min(len, 5 + Math.floor(rand() * 60));
  const start = Math.floor(rand() * (len - span + 1));
  const end = start + span;
  const kind = KINDS[Math.floor(rand() * KINDS.length)];
  return [
    id,
    reportId,
    passage.id,
    authorId,
    kind,
    visibility,
    kind === "highlight" ? "" : body,
    start,
    end,
    passage.text.slice(start, end),
    passage.text.slice(Math.max(0, start - 32), start),
    passage.text.slice(end, end + 32),
    createdAt.toISOString(),
    createdAt.toISOString(),
  ];
}

export async function loadDataSet(client: pg.ClientBase, sizes: Sizes, seed = 20261128): Promise<DataSet> {
  const rand = mulberry32(seed);
  const word = zipfSampler(VOCABULARY, rand);
  const arabicWord = zipfSampler(ARABIC, rand, 0.8);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const sentence = (n: number, w = word) => {
    const ws = Array.from({ length: n }, w);
    // Now and then a fixed phrase, so that phrase searches have something to find.
    if (n > 4 && rand() < 0.08) ws.splice(1 + Math.floor(rand() * (n - 3)), 2, ...pick(PHRASES).split(" "));
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    return ws.join(" ") + ".";
  };
  const paragraph = (words: number, arabic = false) => {
    const parts: string[] = [];
    let left = words;
    while (left > 0) {
      const n = Math.min(left, 8 + Math.floor(rand() * 14));
      parts.push(arabic ? Array.from({ length: n }, arabicWord).join(" ") + (rand() < 0.3 ? " الصحة العامة." : ".") : sentence(n));
      left -= n;
    }
    return parts.join(" ");
  };
  const t0 = Date.parse("2025-01-01T00:00:00Z");
  const span = 300 * 24 * 3600 * 1000;
  const when = () => new Date(t0 + Math.floor(rand() * span));
  const now = new Date().toISOString();

  const workspaceId = "bench-ws";
  const slug = "scale-bench";
  const ownerId = "bench-owner";
  const memberIds = Array.from({ length: sizes.members }, (_, i) => `bench-member-${i + 1}`);
  const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$bm90LWEtcmVhbC1oYXNo$bm90LWEtcmVhbC1oYXNoLW5vdC1yZWFs";

  await client.query("BEGIN");
  await bulkInsert(
    client,
    "users",
    [
      ["id", "text"],
      ["email", "text"],
      ["name", "text"],
      ["password_hash", "text"],
    ],
    [
      [ownerId, "owner@bench.local", "Bench Owner", passwordHash],
      ...memberIds.map((id, i) => [id, `member${i + 1}@bench.local`, `Member ${i + 1}`, passwordHash]),
    ],
  );
  await client.query(`INSERT INTO workspaces (id, slug, name) VALUES ($1, $2, 'Scale benchmark')`, [workspaceId, slug]);
  await bulkInsert(
    client,
    "memberships",
    [
      ["id", "text"],
      ["workspace_id", "text"],
      ["user_id", "text"],
      ["role", '"Role"'],
    ],
    [
      ["bench-ms-owner", workspaceId, ownerId, "owner"],
      ...memberIds.map((id, i) => [`bench-ms-${i + 1}`, workspaceId, id, i < 5 ? "editor" : "annotator"]),
    ],
  );
  const ownerToken = "mgl_bench" + createHash("sha256").update(String(seed)).digest("hex").slice(0, 32);
  await client.query(`INSERT INTO api_tokens (id, user_id, name, token_hash, prefix) VALUES ('bench-token', $1, 'bench', $2, $3)`, [
    ownerId,
    createHash("sha256").update(ownerToken).digest("hex"),
    ownerToken.slice(0, 10),
  ]);

  const reportIds = Array.from({ length: sizes.reports }, (_, i) => `bench-report-${i + 1}`);
  const largeReportId = reportIds[0];
  const smallReportId = reportIds[sizes.reports - 1];
  await bulkInsert(
    client,
    "reports",
    [
      ["id", "text"],
      ["workspace_id", "text"],
      ["title", "text"],
      ["source_format", "text"],
      ["created_by_id", "text"],
      ["created_at", "timestamp"],
      ["updated_at", "timestamp"],
    ],
    reportIds.map((id, i) => [
      id,
      workspaceId,
      i === 0 ? "The large report: " + sentence(6).slice(0, -1) : sentence(5).slice(0, -1),
      "text",
      ownerId,
      new Date(t0 + i * 3600_000).toISOString(),
      now,
    ]),
  );
  await bulkInsert(
    client,
    "report_versions",
    [
      ["id", "text"],
      ["report_id", "text"],
      ["version", "int"],
      ["source_format", "text"],
      ["created_by_id", "text"],
    ],
    reportIds.map((id) => [`${id}-v1`, id, 1, "text", ownerId]),
  );

  // Passages.
  const passagesByReport = new Map<string, { id: string; text: string }[]>();
  const passageRows: unknown[][] = [];
  let words = 0;
  for (const [r, reportId] of reportIds.entries()) {
    const count = r === 0 ? sizes.largePassages : sizes.otherPassages;
    const perPassage = r === 0 ? sizes.largeWordsPerPassage : sizes.otherWordsPerPassage;
    const list: { id: string; text: string }[] = [];
    for (let i = 0; i < count; i++) {
      const heading = i % 25 === 0;
      // A few Arabic passages (every 97th) in every report.
      const arabic = !heading && i % 97 === 13;
      const n = heading ? 6 : Math.max(20, Math.round(perPassage * (0.6 + rand() * 0.8)));
      const text = heading ? sentence(n).slice(0, -1) : paragraph(n, arabic);
      words += n;
      const id = `${reportId}-p${i}`;
      list.push({ id, text });
      passageRows.push([id, reportId, i, heading ? "heading" : "paragraph", heading ? 2 : null, text]);
    }
    passagesByReport.set(reportId, list);
  }
  await bulkInsert(
    client,
    "passages",
    [
      ["id", "text"],
      ["report_id", "text"],
      ["index", "int"],
      ["kind", '"PassageKind"'],
      ["level", "int"],
      ["text", "text"],
    ],
    passageRows,
    5_000,
  );

  // Annotations: the large report gets its share, the others split the rest.
  const authors = memberIds;
  const annotationRows: unknown[][] = [];
  const largeVisible: string[] = [];
  const others = reportIds.slice(1);
  const perOther = others.length ? Math.floor((sizes.totalAnnotations - sizes.largeAnnotations) / others.length) : 0;
  let n = 0;
  for (const [r, reportId] of reportIds.entries()) {
    let count = r === 0 ? sizes.largeAnnotations : perOther;
    if (r === reportIds.length - 1 && r > 0) count = sizes.totalAnnotations - sizes.largeAnnotations - perOther * (others.length - 1);
    const passages = passagesByReport.get(reportId)!.filter((p) => p.text.length > 10);
    for (let i = 0; i < count; i++) {
      const visibility = rand() < 0.1 ? "private" : "workspace";
      const id = `bench-a${++n}`;
      annotationRows.push(
        annotationRow(rand, id, reportId, pick(passages), pick(authors), sentence(6 + Math.floor(rand() * 20)), when(), visibility),
      );
      if (r === 0 && visibility === "workspace") largeVisible.push(id);
    }
  }
  await bulkInsert(client, "annotations", ANNOTATION_COLUMNS, annotationRows);

  // Replies, on the large report's shared annotations.
  const replyRows: unknown[][] = [];
  for (let i = 0; i < sizes.largeReplies; i++) {
    const created = when().toISOString();
    replyRows.push([`bench-r${i + 1}`, pick(largeVisible), pick(authors), sentence(5 + Math.floor(rand() * 30)), created, created]);
  }
  await bulkInsert(
    client,
    "replies",
    [
      ["id", "text"],
      ["annotation_id", "text"],
      ["author_id", "text"],
      ["body", "text"],
      ["created_at", "timestamp"],
      ["updated_at", "timestamp"],
    ],
    replyRows,
  );
  await client.query("COMMIT");
  await client.query("ANALYZE");

  return {
    workspaceId,
    slug,
    ownerId,
    ownerToken,
    memberIds,
    largeReportId,
    smallReportId,
    smallPassages: passagesByReport.get(smallReportId)!.filter((p) => p.text.length > 10),
    counts: {
      reports: reportIds.length,
      passages: passageRows.length,
      words,
      annotations: annotationRows.length,
      replies: replyRows.length,
      largeAnnotations: sizes.largeAnnotations,
      largeVisibleAnnotations: largeVisible.length,
    },
  };
}
