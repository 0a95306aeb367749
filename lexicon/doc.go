// Package lexicon holds dyad's dictionaries — states, regions,
// international organizations, roles, agents, themes and tone words, the
// Phoenix actors, and the event dictionaries: CAMEO codes, the
// CAMEO→PLOVER map, verb patterns, nominal events and discards — and a
// fast phrase matcher over tokens.
//
// # Use
//
//	lex := lexicon.Default()
//	e, n := lex.Match(words[i:]) // longest entry at words[i], spanning n words
//	k, n := lex.MatchKnown(words[i:]) // a Phoenix actor; k.CodeOn(date)
//	theme, n := lex.Theme(words[i:])
//	score := lex.Tone(word)      // +1, -1 or 0
//	isr, _ := lex.Country("ISR") // canonical entry
//	lex.Hash()                   // names the dictionaries in coded events
//
//	c, _ := lexicon.CAMEO("042")  // name, QuadClass 1, Goldstein 1.9
//	p, _ := lexicon.PLOVER("042") // CONSULT, mode visit
//	lemma, _ := lex.VerbLemma("met") // "meet"
//	for _, p := range lex.VerbPatterns(lemma) { … } // most specific first
//	n, _ := lex.Nominal("talks") // 040, target after "with"
//	d, ok := lex.Discard(words)  // a sports or history sentence: do not code
//
// Default is shared; to add a user dictionary without touching it, use
// New and AddFile. AddFile must not run concurrently with other calls on
// the same Lexicon; everything else may.
//
// # Matching
//
// Words are compared by text.Key, so case, accents, apostrophes and
// hyphens do not matter ("Turkiye" = "Türkiye", "Sa’ar" = "Saar"). Three
// rules then use case:
//
//   - Proper names (Country, Demonym, Capital, IGO, Region) match only when
//     their first word is capitalized in the text — has a capital letter:
//     "Turkey", "TURKEY" and "eSwatini" match, "turkey" and "chad" do not.
//     A leading "the" is skipped for this test ("The Hague").
//   - Words the data writes in capitals (two or more letters, none lower
//     case: "US", "U.S.", "UN", "NATO", "WHO", "AI") match only text
//     without lower-case letters, so "us", "Us" and "Who" do not match.
//     Where news also writes an abbreviation in mixed case, the data
//     lists that spelling too ("Nato", "Unicef"), and it then matches
//     either way.
//   - Role, Agent and theme cues match in any case.
//
// The longest phrase wins: "North Korea" (PRK) over "Korea" (KOR),
// "United States of America" over "United States", "European Union" (IGO)
// over "European" (Region). A phrase written with hyphens or apostrophes
// also matches its parts as separate tokens ("Guinea-Bissau", "Guinea
// Bissau", "Guinea - Bissau"); a lone hyphen or apostrophe token inside a
// phrase is skipped and counted in n. A leading "the" is part of a phrase
// only where the data says so ("the press", "The Hague"); otherwise
// callers match after it, so "the United States" yields "United States".
//
// Match keys its first word in a map to candidate phrases sorted longest
// first, and allocates nothing unless a word has letters beyond ASCII and
// Latin-1/Latin Extended-A.
//
// # Data files
//
// The embedded files in data/ are plain UTF-8 text, one entry a line,
// fields separated by one TAB. Lines whose first non-blank character is
// "#" are comments; blank lines are ignored. An empty field or "-" means
// none; list fields are separated by "|". Each file documents its format
// in its header.
//
//	countries.tsv  code  canonical  names|…  demonyms|…  capitals|…  [other codes|…]
//	regions.tsv    code  canonical  names|…
//	igos.tsv       code  canonical  names|…
//	roles.tsv      canonical  sector  head(yes|no)  variants|…
//	agents.tsv     canonical  sector  variants|…
//	themes.tsv     THEME  cues|…
//	tone.tsv       word  +1|-1
//	cameo.tsv      code  quad  goldstein  name
//	nominal.tsv    nouns|…  code  target preps|…  source preps|…
//
// The converted files (see Phoenix actors) document their own formats in
// their headers.
//
// The canonical name is itself a name. A country's first demonym is the
// Name of all its Demonym entries ("Israelis" → Name "Israeli"); each
// capital is its own Name. A country's "capitals" are the places whose
// name stands for its government: capitals ("Baku", "Tel Aviv",
// "Washington") and seats of power ("Kremlin", "White House", "Downing
// Street"); the Palestinian Authority is listed there too, so it codes as
// PSE GOV. Within the embedded data, two entries may not share a phrase;
// the tests check this.
//
// # User files
//
// AddFile reads one file in a combined format: each line starts with the
// kind — country, region, igo, role, agent, theme or tone — followed by
// the fields of the corresponding embedded file. Fields are separated by
// TABs or, in a line without TABs, by two or more spaces:
//
//	# my.tsv
//	country  ISR  -  Zion|Jewish state  -  -
//	igo      IGOUNO  United Nations  UN|U.N.|Onu
//	role     chief diplomat  GOV  no  chief diplomats
//	role     [navigator]  MIL  no  navigators|ship's navigator
//	agent    coast guard  MIL  coastguard
//	theme    SPACE  rocket|rockets|launch pad
//	tone     lauded  +1
//
// A role or agent whose canonical name is in [brackets] is known by that
// name but matched only by its variants (roles.tsv does this for
// "general", more often an adjective). A country line for a code already
// known adds its names (a canonical "-"
// keeps the current canonical name; another name replaces it). Any phrase
// in a user file overrides the entry the phrase had before. Within one
// file a phrase may name only one entry. The file is applied whole or not
// at all; errors read "my.tsv:3: role: sector "gov" is not three capital
// letters".
//
// Hash changes with every file added: it is the first 16 hex digits of
// SHA-256 over the SHA-256 of each source loaded, in order.
//
// # Event dictionaries
//
// CAMEO returns a code's name, QuadClass and Goldstein value from
// cameo.tsv, written for dyad from the CAMEO codebook and the Goldstein
// values GDELT publishes; a 4-digit code the table lacks falls back to its
// 3-digit parent. PLOVER maps a CAMEO code to a PLOVER type, mode and
// context (plover.tsv), falling back to the parent and then the root;
// roots 01 and 02 have no PLOVER equivalent.
//
// The verb dictionary (verbs.tsv, synsets.tsv) is PETRARCH-2's
// CAMEO.2.0.txt: blocks of synonymous verbs with every inflected form
// listed, and patterns of words around the verb, each with a CAMEO code
// and possibly a paired code for the reverse event ("[042:043]": A visits
// B, B hosts A). VerbPattern documents the pattern words ($ source,
// + target, &synset, …). Nouns in patterns match either number: compare
// NounKey of both sides. dyad's additions (verbs-dyad.tsv, same format)
// may also give, in "plover" lines, the PLOVER coding of an act, by one
// verb or by any ("*"), where the PLOVER manual departs from the table
// (ActPLOVER: resigning is RETREAT, not the CONCEDE of CAMEO 083; lifting a
// curfew CONCEDE, not RETREAT; sanctions SANCTION, not COERCE). Nominal events (nominal.tsv, written for dyad)
// are nouns such as "visit", "talks" and "sanctions" with their CAMEO
// code and the prepositions that introduce the target and the source;
// the file's header explains the choices made. Discard phrases
// (discards.tsv) void the coding of a sentence or a whole story.
//
// # Phoenix actors
//
// actors.tsv holds ≈26,000 actors of the Phoenix dictionaries: countries'
// people with their dated roles, international and non-state
// organizations. They are Known entries, which MatchKnown returns and
// Match does not, so that our own tables stay authoritative and people
// still introduced with a role are discovered as persons. Entry.Dated
// lists the dated codes and CodeOn(t) picks the one valid at t. Since the
// source writes every name in capitals, a Known name matches only text
// whose words are capitalized (joining words such as "of", "al" and "bin"
// aside), and a one-word name of at most four letters only text in
// capitals: "Rice" may match, "rice" and "Us" do not. The table is parsed
// on the first MatchKnown (≈40 ms), not by New. agents-phoenix.tsv adds
// Phoenix's agent words to the Agent kind where roles.tsv and agents.tsv
// lack them; ours win.
//
// The converted files — verbs.tsv, synsets.tsv, actors.tsv,
// agents-phoenix.tsv, discards.tsv and plover.tsv — are written by
// "dyad lexicon import-petrarch DIR" and "dyad lexicon import-plover
// FILE" (package lexicon/petrarch) and must not be edited by hand: a test
// re-runs the conversion and compares.
//
// # Sources and licences (NOTICE)
//
// The data in data/ was written by hand for dyad, except the converted
// files above: the country names, demonyms and capitals, the region,
// organization, role and agent lists, the theme cues and the tone words
// (the tone list is our own and is not derived from any published
// sentiment lexicon), cameo.tsv and nominal.tsv. verbs.tsv, synsets.tsv,
// actors.tsv, agents-phoenix.tsv and discards.tsv are converted from the
// PETRARCH-2 dictionaries (Open Event Data Alliance, MIT licence);
// plover.tsv from CAMEO2PLOVER-2021.txt (Open Event Data Alliance, CC
// BY-SA 4.0).
//
// The codes follow CAMEO as used by the Phoenix/PETRARCH-2 dictionaries
// (Open Event Data Alliance, MIT licence; see
// shared/dictionaries/petrarch2/LICENSE), which were read to choose them:
//
//   - country codes are ISO 3166-1 alpha-3, as in
//     Phoenix.Countries.actors.txt, with two exceptions where Phoenix
//     differs from ISO: Kosovo is XKX (ISO's user-assigned code; Phoenix
//     uses KSV) and Timor-Leste is TLS (ISO; Phoenix uses the withdrawn
//     TMP). Both Phoenix codes are accepted by Country and Lookup. The
//     Holy See (VAT) is not in Phoenix and takes its ISO code.
//   - organization codes are those of Phoenix.International.actors.txt
//     (IGOUNO, IGOUNOIAE, IGOWSTNAT, IGOMOSOIC, IGOMEAARL, IGOAFRAFU,
//     NGOHLHIRC, ...). The OSCE takes IGOEURSCE, Phoenix's code for its
//     forerunner the CSCE. Organizations that Phoenix lacks have codes
//     of ours in its pattern (IGO + region or sector + three letters):
//     IGOGTW (G20), IGOMEAGCC (GCC), IGOCASCST (CSTO), IGOCASEAE
//     (Eurasian Economic Union), IGOBUSBRI (BRICS), IGOUNOREFRWA (UNRWA).
//   - sector codes (GOV, MIL, LEG, JUD, BUS, MED, OPP, REB, COP, SPY, UAF,
//     CVL, REF, EDU, LAB, AGR, REL, HLH, NGO, PTY) are those of
//     Phoenix.agents.txt, and the assignment of agents to sectors follows
//     it, except as noted in roles.tsv.
//   - region codes (AFR, ASA, EUR, MEA, LAM, WST, ...) are CAMEO's, as
//     they appear inside Phoenix IGO codes.
package lexicon
