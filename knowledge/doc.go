// Package knowledge is the troubleshooting knowledge base: which products the service
// knows, how a customer's description of a fault is recognised, which self-service checks
// the bot offers, and how an unsolved fault is escalated. It is pure domain code: no
// storage, no network; storage of edited revisions lives in knowledge/knowledgedb.
//
// # Model
//
// A Set is one published revision of the knowledge, parsed from YAML files written by
// content editors (the shipped files are embedded from data/, see Shipped):
//
//   - categories.yaml lists the Categories (空调, 冰箱, 手机…): the words customers use for
//     them (aliases), the warranty months of the whole unit and of main components (China's
//     三包 defaults, editable), and the brands with patterns for model and serial numbers.
//   - brands.yaml lists the Brands of products outside the categories (大疆, 任天堂…), so a
//     customer who names one is understood.
//   - rules/*.yaml list the Rules. A rule names a fault ("空调不制冷"), the categories it
//     applies to (none: any), its Triggers, an optional Condition over the case, the
//     self-service Steps, and what happens Unresolved: fault class, priority, on-site visit,
//     routing skill, component and an out-of-warranty price range. Every rule carries at
//     least three Samples, real utterances that must rank it first (see SelfTest); they
//     also teach the similarity index how customers describe the fault.
//
// Parse reports YAML syntax, unknown fields and wrong types; Validate reports every content
// problem at once, each at its file, line and field
// ("rules/air_conditioner.yaml:42: rules[3].unresolved.priority: "hi" is not one of urgent,
// normal, routine"). ParseRule, Set.CheckRule and MarshalRule serve the edit-as-YAML page.
//
// # Matching
//
// A Matcher compiles a Set once and answers Match(Query) for every inbound message, in
// tens of microseconds even with 10,000 rules:
//
//   - The text is read in its Canon form (NFKC; typos and pinyin of the words that matter
//     corrected) and normalised (Normalize): full-width to half-width, Latin lower-cased,
//     spaces and clause punctuation removed. For phrases, fillers are rewritten in text and
//     phrase alike: the particles 的 and 了 and degree adverbs (很, 特别, 有点…) are dropped,
//     softened denials become plain ones (不怎么, 不是很, 不能, 无法 → 不), so "冷藏室的灯"
//     matches "冷藏室灯", "声音特别大" matches "声音大" and "不能脱水" matches "不脱水". A
//     phrase that would shrink to one character is matched as written ("摔了" does not
//     match "摔碎").
//   - One pass of an Aho–Corasick automaton finds every keyword, synonym and category alias
//     of every rule, overlapping occurrences included.
//   - Error codes are whole tokens of letters, digits and "-": "E1" matches "显示E1", "报e1",
//     "E1故障" but never "E10"; a numeric code ("88") needs a cue before it ("显示88").
//     A code the case already recorded (CaseFacts.ErrorCode) counts as well.
//   - Regexes run over the normalised text, with its fillers and without (a match in either
//     counts), and only on messages containing one of the literals every match must
//     contain (found from the regex's syntax), so a large set with a few regexes stays
//     fast. A regex match is denied by a negation before it or in a gap between its
//     top-level groups ("空调不是漏水" for '(空调).{0,6}(漏)水'). Regexes see the first
//     MaxMatchText bytes (4 KB) of the text only, and editors' regexes and conditions are
//     bounded in size and cost when validated and published (cost.go).
//   - A hit preceded by a negation within two characters in the same clause is ignored
//     ("不是漏水", "没有发现异响"), unless it is a non-negating word ("不停地漏水",
//     "不小心进水") or an A-not-A question ("是不是漏水"). A keyword that itself starts
//     with 不 ("不制冷") still counts: only the characters before it are looked at.
//   - The similarity index (similar.go) finds rules no trigger names: every sample, title,
//     keyword and synonym of a rule is a document, a TF-IDF vector of character pairs (a pair
//     after a negation is another feature: "不进水" shares nothing with "进水") and Latin or
//     digit tokens; the message is compared with them by cosine similarity through posting
//     lists, and a rule's similarity is its best document's, plus a quarter of its second
//     best. Safety rules are not indexed: hazards are never guessed from resemblance.
//
// Scoring: an error code weighs 10; a keyword 2 + 0.5 per character (up to 12); a synonym
// three quarters of that; a regex like a keyword of its matched length (up to 8). A rule's
// strongest hit counts fully and each further distinct, non-overlapping hit adds half its
// weight; a keyword or synonym hit lying inside a longer one of another rule counts half
// ("抽屉冻住了" over "冻住了"). The similarity adds 5 times itself, so a rule can be found by
// resemblance alone. The category hint (Query.Category, else Case.Category) multiplies rules
// of that category by 1.5, general rules by 1.2 and other categories' rules by 0.5; a category
// the message names by alias multiplies its rules by 1.3 and, without a hint, other
// categories' rules by 0.7. Rules whose Condition (an expr-lang expression over category,
// brand, model, age_months, error_code) is false are dropped; conditions are evaluated only
// for rules that already hit. Results are ordered safety rules first, then by score, then
// by id, and each carries its Reasons (`keyword "不制冷"`, `error code E1`,
// `similar "空调开了半天一点都不凉"`, `category air_conditioner`…) and its Confidence: a
// logistic curve of its score and its margin over the best other match, fitted on the
// development split of corpus/first_messages.jsonl; below MinConfidence the dialog should
// offer a menu of faults rather than guess.
//
// # Safety
//
// A rule with Safety set is a hazard (gas smell, smoke, sparks, water on live electrics).
// Such a match ranks before every other; Matcher.Safety checks a message for one before
// anything else. A safety rule offers no self-service: the customer is shown its Advice and
// the case is escalated as urgent (Rule.EscalationPriority).
//
// # Walkthrough
//
// When the best match has Steps, the bot walks the customer through them one message at a
// time. Walkthrough is the plain state kept in the conversation (rule id, step index);
// ParseAnswer reads a reply ("1"/"好了" solved, "2"/"还是不行" not solved, "0"/"转人工" a
// human) and Walkthrough.Next says what to do: show the next step, close as solved,
// escalate after the last step, hand over to a human, or ask again. Each offer's Outcome
// (shown, solved, escalated, abandoned) is counted per rule in RuleStats, so editors see
// which rules help.
//
// # Self-test
//
// SelfTest matches every sample of every rule, without and with the category hint, and
// reports top-1 and top-3 accuracy, each failure with the ranking it got, and phrases shared
// by competing rules; "intake kb test" prints it, and the package tests require the
// shipped knowledge to pass it. A sample is in the similarity index itself, so ranking
// first says only that it contradicts nothing; the honest figure is held out: in 5 folds
// (sample j of each rule in fold j mod 5), each sample is matched by a matcher whose
// similarity index leaves its fold out, and top-1/top-3 are reported per category. A
// sample found only with itself indexed is a warning, not a failure.
package knowledge
