// Package ner finds named entities — people (PER), organizations (ORG) and
// places (LOC) — in tokenized sentences.
//
//	upos, _ := text.DefaultTagger().Tag(words)
//	for _, e := range ner.Default().Recognize(words, upos) {
//		fmt.Println(e.Type, words[e.Start:e.End])
//	}
//
// It lives outside text/ because its features use the dictionaries of
// dyad/lexicon, which imports text.
//
// # Model
//
// A greedy left-to-right sequence tagger over BILOU labels (Begin, Inside,
// Last, Unit, and O outside any entity), scored by an averaged perceptron
// (dyad/internal/perceptron). Each label is restricted to those that may
// follow the label before it (after B-PER only I-PER or L-PER; at the last
// word nothing may stay open), so the output is always a well-formed set of
// non-overlapping spans. Training decodes the same way and updates on the
// predicted history, so the model learns to recover from its own mistakes.
//
// # Features
//
// For each word, hashed to 64 bits:
//
//   - the word as written and lower-cased (curly apostrophes straightened),
//     and its suffixes of 2 and 3 bytes (prefixes and longer suffixes cost
//     about 3 points of F1 on GUM dev: too sparse for this much data);
//   - its shape, runs collapsed: "Xx" (Baku), "XX" (NATO), "X.X." (U.S.),
//     "d,d" (60,000), "Xx'x" (Sa'ar);
//   - the words at -2..+2 lower-cased, the bigrams with each neighbour, and
//     the shapes of the neighbours and of the three words together;
//   - capitalisation in context: whether the neighbours are capitalised,
//     whether the word starts the sentence, and the case of the sentence as
//     a whole (mixed, all lower case as in much web text, title case as in
//     headlines, all capitals), each with the word's shape;
//   - gazetteer: the kind (Country, Demonym, Capital, IGO, Role, Agent,
//     Region) and BILOU position of the lexicon.Default entry that covers
//     the word, matching longest first from left to right, for the word and
//     its neighbours, and with the word's shape;
//   - the kind of entry that ends just before a capitalised word: a role
//     ("President", "Foreign Minister") or demonym there usually introduces
//     a name;
//   - the universal part of speech (text.DefaultTagger) of the word and its
//     neighbours, and with the word's shape;
//   - the previous label, the previous two, and the previous label with the
//     word and with its shape.
//
// # Titles
//
// Names of people are names alone: "Israeli Foreign Minister Gideon Sa'ar"
// yields PER "Gideon Sa'ar", as in UNER, CoNLL and OntoNotes, and dyad
// resolves the role from the lexicon apart from the name. GUM counts
// titles in names ("Professor Eastman") and bare titles ("the President")
// as people, so its entities are cut the same way before training, and
// Recognize cuts any title the model leaves in (see cutTitles).
//
// Names after titles are the commonest way news introduces people but are
// rare in the training data, so Recognize also labels as PER the proper
// nouns that follow a title the model left outside any entity ("Foreign
// Minister Gideon Sa'ar"), in sentences that are not headlines (see
// namesAfterTitles).
//
// # Data
//
// The embedded model, models/ner.bin, is trained on GUM train (entities of
// types person, organization and place with a Wikipedia identity and a
// proper-noun head, cut to the name; see dyad/treebank) and on Universal
// NER English-EWT dev (IOB2, PER/ORG/LOC). GUM has no MISC type that
// matches UNER's, so there is none. Parts of speech for training come from
// text.DefaultTagger, not from the gold annotation, because those are what
// the model sees in use; retrain after retraining the tagger. The model is
// scored on GUM dev, never trained on it. Train it with
//
//	dyad train ner --train ../shared/corpora/gum/train --train ../shared/corpora/uner-ewt/en_ewt-ud-dev.iob2 --dev ../shared/corpora/gum/dev --out ner/models/ner.bin
//
// which is deterministic (seed 1, 10 passes) and takes a few seconds.
//
// # Scores
//
// Exact span and type, on GUM dev (598 sentences, 435 entities):
//
//	        P     R     F1
//	all   66.3  61.8  64.0
//	LOC   65.8  69.0  67.3
//	ORG   65.4  51.0  57.3
//	PER   67.1  62.1  64.5
//
// 67.6 F1 with GUM's titles cut from its people as Recognize cuts them.
// Many of the remaining errors are GUM's notion of a named entity: only
// names linked to Wikipedia count, so private people ("Shannon Ramsey" in
// a court transcript) are false positives, and "Secretary" or "Madam
// Speaker" addressed in a transcript are people. On our own news
// sentences in the domain of the seed articles (gold_test.go) F1 is 90.3.
//
// Sources and licences: GUM (texts CC BY / BY-SA, annotations CC BY 4.0,
// Zeldes 2017) and Universal NER English-EWT (CC BY-SA 4.0, Mayhew et al.
// 2024, over the UD English Web Treebank).
package ner
