package ner

import (
	"bufio"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"dyad/internal/perceptron"
	"dyad/lexicon"
	"dyad/text"
	"dyad/treebank"
)

// Recognizer finds named entities in tokenized sentences. It is safe for
// concurrent use.
type Recognizer struct {
	types []string          // entity types, in class order
	upos  bool              // the model uses parts of speech
	model *perceptron.Model // for sentences alone
	// for sentences in a document (see Document); nil in older models
	docModel *perceptron.Model
	lex      *lexicon.Lexicon
	vocab    vocab     // nil in models without one
	pool     sync.Pool // *scratch
}

// knownTypes are the entity types a model may learn, in class order; any
// other type in the training data is ignored.
var knownTypes = []string{"PER", "ORG", "LOC", "MISC"}

// defaultIterations was chosen on GUM dev and UNER dev: seeds 1, 2 and 3
// score 83.3 on GUM dev (mean) with 10, 15 or 20 passes, but 10 spread
// them by 2.4 points (15 by 0.1), and UNER dev, part of the training
// data, scores 96.0, 96.6 and 97.3.
const defaultIterations = 15

func newRecognizer(types []string, upos bool, m *perceptron.Model) *Recognizer {
	r := &Recognizer{types: types, upos: upos, model: m, lex: lexicon.Default()}
	// load the gazetteers now rather than in the first Recognize
	names()
	r.lex.MatchKnown(nil)
	return r
}

// Types returns the entity types the recognizer finds.
func (r *Recognizer) Types() []string { return slices.Clone(r.types) }

// Recognize returns the entities in words, spans [Start, End) over word
// indices, in order and not overlapping. upos holds the words' universal
// parts of speech from text.DefaultTagger; when it is nil and the model
// uses them, Recognize tags the words itself.
func (r *Recognizer) Recognize(words, upos []string) []treebank.Entity {
	s := r.get()
	defer r.pool.Put(s)
	s.doc.build(nil)
	ents := r.recognize(s, r.model, words, upos)
	s.storms = appendStorms(s.storms[:0], ents, words)
	return dropStorms(ents, words, s.storms)
}

// get returns a scratch from the pool, to be put back.
func (r *Recognizer) get() *scratch {
	s, _ := r.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{}
	}
	return s
}

// recognize is Recognize with s.doc built, scored by m.
func (r *Recognizer) recognize(s *scratch, m *perceptron.Model, words, upos []string) []treebank.Entity {
	if len(words) == 0 {
		return nil
	}
	if !r.upos {
		upos = nil
	} else if len(upos) != len(words) {
		upos, _ = text.DefaultTagger().Tag(words)
	}
	labels := r.tag(s, m, words, upos, nil, r.vocab)
	if s.sentCase == caseMixed {
		r.namesAfterTitles(s.entries, labels, words, upos)
	}
	r.organizations(s.entries, labels)
	ents := cutTitles(decode(labels, r.types), words, r.lex)
	if s.sentCase == caseMixed {
		ents = r.institutions(ents, words)
	}
	return dropNonNames(places(r.people(ents, words), words), words)
}

// institutions types as ORG the names that end in a word naming an
// institution, or in such a word and "of" a name ("Trinity College",
// "United States Congress", "Court of Appeal", "National Library of the
// Netherlands"): the model takes them for places or people, or leaves them
// out when it has not seen them, as names of places lead most of them. An
// entity right before such a word, or a run of capitalised words ending
// in one, takes it in ("Trinity" LOC, "College"; "Atlantic" LOC, "Lottery
// Corporation"); such a run the model left out becomes one. So does an
// entity that ends in such a word and "of" a name ("Newfoundland and
// Labrador Court of Appeal" taken for a place).
func (r *Recognizer) institutions(ents []treebank.Entity, words []string) []treebank.Entity {
	if !slices.Contains(r.types, "ORG") {
		return ents
	}
	var out []treebank.Entity
	next := 0 // the first word no entity of out covers
	// add appends e; an institution's name right after another entity
	// takes it in: "Atlantic" + "Lottery Corporation".
	add := func(e treebank.Entity, institution bool) {
		if n := len(out); institution && n > 0 && out[n-1].End == e.Start {
			out[n-1].End, out[n-1].Type = e.End, "ORG"
		} else {
			out = append(out, e)
		}
		next = e.End
	}
	for k, e := range ents {
		if e.Start < next {
			continue // taken in by the institution before it
		}
		institutionRuns(words, next, e.Start, add)
		end := e.End
		for end < len(words) && capitalised(words[end]) && (k+1 == len(ents) || ents[k+1].Start > end) {
			end++ // "Trinity" + "College"
		}
		j := institutionEnd(words, end)
		if j == 0 {
			j = institutionEnd(words, e.End)
		}
		if j > 0 {
			e.End, e.Type = j, "ORG"
		} else if holdsInstitution(words, e) {
			e.Type = "ORG"
		}
		add(e, j > 0)
	}
	institutionRuns(words, next, len(words), add)
	return out
}

// institutionEnd returns the end of an institution's name whose last
// word before "of" is words[j-1], taking in "of [the] Name" after it, or
// 0 if words[j-1] names no institution.
func institutionEnd(words []string, j int) int {
	if j == 0 || !orgHeads[words[j-1]] {
		return 0
	}
	if j+1 < len(words) && words[j] == "of" {
		k := j + 1
		if words[k] == "the" {
			k++
		}
		e := k
		for e < len(words) && capitalised(words[e]) {
			e++
		}
		if e > k {
			j = e
		}
	}
	return j
}

// holdsInstitution reports whether e ends in the name of an institution
// with "of": "[Newfoundland and Labrador Court of Appeal]".
func holdsInstitution(words []string, e treebank.Entity) bool {
	for p := e.Start + 1; p < e.End-1; p++ {
		if words[p] == "of" && institutionEnd(words, p) >= e.End {
			return true
		}
	}
	return false
}

// institutionRuns adds an ORG entity for each run of capitalised words in
// words[from:to], two at least, whose last word names an institution (see
// institutionEnd). A sentence's first word is capitalised anyway and does
// not start one.
func institutionRuns(words []string, from, to int, add func(treebank.Entity, bool)) {
	for i := max(from, 1); i < to; {
		if !capitalised(words[i]) {
			i++
			continue
		}
		j := i
		for j < to && capitalised(words[j]) {
			j++
		}
		if e := institutionEnd(words, j); e > 0 && j-i >= 2 {
			add(treebank.Entity{Start: i, End: e, Type: "ORG"}, true)
			j = e
		}
		i = j
	}
}

// orgHeads are the words that end the names of institutions. "Union" is
// left out: the Soviet Union was a state.
var orgHeads = map[string]bool{
	"College": true, "University": true, "Academy": true, "Institute": true, "Library": true,
	"Museum": true, "Court": true, "Corporation": true, "Company": true, "Congress": true,
	"Parliament": true, "Party": true, "Club": true, "Council": true, "Committee": true,
	"Commission": true, "Agency": true, "Ministry": true, "Department": true, "Bank": true,
	"Association": true, "Foundation": true, "Organisation": true, "Organization": true,
	"Society": true, "Bureau": true, "Authority": true, "Federation": true, "League": true,
	"Times": true, "Post": true, "Bulletin": true, "Journal": true, "Gazette": true,
	"Airlines": true, "Libraries": true, "Inc.": true, "Ltd": true, "Ltd.": true,
	"Herald": true, "Tribune": true, "Chronicle": true, "Telegraph": true, "Register": true,
	"School": true, "Church": true, "Army": true, "Navy": true, "Press": true, "Magazine": true, "News": true,
	// and in other languages: "Koninklijke Bibliotheek", "Freie Universität"
	"Bibliotheek": true, "Bibliothèque": true, "Bibliothek": true, "Biblioteca": true,
	"Universiteit": true, "Université": true, "Universität": true, "Universidad": true, "Università": true,
}

// tag labels words greedily from left to right, each label restricted to
// those that may follow the one before. With gold labels it also trains:
// the model is updated towards the gold label wherever that label was
// allowed and the guess differs.
func (r *Recognizer) tag(s *scratch, m *perceptron.Model, words, upos []string, gold []int, voc vocab) []int {
	s.prepare(words, upos, r.lex, voc)
	n := len(words)
	if cap(s.scores) < len(m.Classes) {
		s.scores = make([]float32, len(m.Classes))
	}
	scores := s.scores[:len(m.Classes)]
	s.labels = s.labels[:0]
	prev, prev2 := -1, -1
	for i := range n {
		feats := s.features(i, prev, prev2)
		m.Scores(feats, scores)
		last := i == n-1
		guess := best(scores, prev, last)
		if gold != nil && allowed(prev, gold[i], last) {
			m.Update(gold[i], guess, feats)
		}
		s.labels = append(s.labels, guess)
		prev, prev2 = guess, prev
	}
	return s.labels
}

// best returns the highest-scoring class that may follow prev; ties go to
// the lower class.
func best(scores []float32, prev int, last bool) int {
	b := -1
	for c, sc := range scores {
		if allowed(prev, c, last) && (b < 0 || sc > scores[b]) {
			b = c
		}
	}
	return b
}

// Train trains a recognizer on the sentences of train that carry entity
// annotation (HasEntities) and, when dev has any, reports its scores on
// dev to opts.Log. Training is deterministic for a given opts.Seed.
func Train(train, dev []treebank.Sentence, opts perceptron.Options) (*Recognizer, error) {
	var sents []treebank.Sentence
	seen := map[string]bool{}
	for _, s := range train {
		if s.HasEntities && len(s.Tokens) > 0 {
			sents = append(sents, s)
			for _, e := range s.Entities {
				seen[e.Type] = true
			}
		}
	}
	if len(sents) == 0 {
		return nil, errors.New("ner: no training sentences with entity annotation")
	}
	var types []string
	for _, t := range knownTypes {
		if seen[t] {
			types = append(types, t)
		}
	}
	if len(types) == 0 {
		return nil, fmt.Errorf("ner: training data has none of the types %v", knownTypes)
	}
	iters := opts.Iterations
	if iters <= 0 {
		iters = defaultIterations
	}
	r := newRecognizer(types, true, nil)
	// predicted, not gold, tags: those are what the model sees in use
	upos, err := jackknifeTags(sents, opts.Seed)
	if err != nil {
		return nil, err
	}
	words := make([][]string, len(sents))
	gold := make([][]int, len(sents))
	for i, s := range sents {
		words[i] = s.Words()
		gold[i] = encode(cutTitles(s.Entities, words[i], r.lex), len(s.Tokens), types)
	}
	vocabs, all := vocabFolds(words, gold)
	r.vocab = all
	// The sentence model sees no document; the document model sees each
	// sentence's document half the time, and only the sentence itself the
	// other half, so that it does not lean on the document where a name
	// is mentioned once.
	if r.model, err = r.trainMean(words, upos, gold, vocabs, nil, iters, opts); err != nil {
		return nil, err
	}
	if r.docModel, err = r.trainMean(words, upos, gold, vocabs, docContexts(sents, words), iters, opts); err != nil {
		return nil, err
	}
	if opts.Log != nil {
		if n := r.evaluate(dev); n.Gold+n.Pred > 0 {
			fmt.Fprintf(opts.Log, "ner: dev: %v\n", n)
		}
	}
	return r, nil
}

// members is the number of models trainMean averages. On GUM dev, seeds
// 1 to 5 score 85.1 (mean) with 5 members, 84.2 with one; 3 spread them
// more (83.4 to 86.1), 8 score no better.
const members = 5

// trainMean trains members models, each on its own shuffles of the
// sentences, and returns the mean of their weights.
func (r *Recognizer) trainMean(words, upos [][]string, gold [][]int, vocabs []vocab, docs []docContext, iters int, opts perceptron.Options) (*perceptron.Model, error) {
	ms := make([]*perceptron.Model, members)
	for k := range ms {
		ms[k] = perceptron.New(classes(r.types))
		r.train(ms[k], uint64(k), words, upos, gold, vocabs, docs, iters, opts)
	}
	return perceptron.Mean(ms...)
}

// train trains m on the sentences in words for iters passes, each with
// the context of its document in docs (nil: none) or, chosen at random,
// of itself alone; member picks the random streams.
func (r *Recognizer) train(m *perceptron.Model, member uint64, words, upos [][]string, gold [][]int, vocabs []vocab, docs []docContext, iters int, opts perceptron.Options) {
	rng := rand.New(rand.NewPCG(uint64(opts.Seed), 0x6e6572+member<<32))
	coin := rand.New(rand.NewPCG(uint64(opts.Seed), 0x646f63+member<<32))
	order := make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	s := &scratch{}
	var alone docContext // s.doc shares its maps
	for it := range iters {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, total := 0, 0
		for _, k := range order {
			switch {
			case docs == nil:
			case coin.IntN(2) == 0:
				alone.build(words[k : k+1])
				s.doc = alone
			default:
				s.doc = docs[k]
			}
			got := r.tag(s, m, words[k], upos[k], gold[k], vocabs[k])
			for i, g := range gold[k] {
				if got[i] != g {
					wrong++
				}
			}
			total += len(gold[k])
		}
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "ner: pass %d: %.2f%% of training labels wrong\n", it+1, 100*float64(wrong)/float64(total))
		}
	}
	m.Average()
}

// namesAfterTitles labels as a person the capitalised proper nouns that
// follow a title the model left outside any entity: "Foreign Minister
// Gideon Sa'ar", "Justice Scalia". Names after titles are the commonest
// way news introduces people, but rare in the training data, where GUM
// moreover leaves out the names it does not link to Wikipedia; a name the
// model has not seen after a title it has seen less than a handful of
// times ("Minister") is then easily missed. Titles are the lexicon's roles
// and the capitalised titles of treebank.IsTitle ("Justice", "Ms"). The
// rule runs only on sentences in mixed case (in a headline every word is
// capitalised) and stops at a word that is not a proper noun, when parts
// of speech are known, and at days and months. entries are the lexicon's
// entries in the sentence (scratch.entries).
func (r *Recognizer) namesAfterTitles(entries []entry, labels []int, words, upos []string) {
	per := slices.Index(r.types, "PER")
	if per < 0 {
		return
	}
	var buf [16]int
	ends := buf[:0] // of the titles, in order
	for _, e := range entries {
		if e.kind == lexicon.Role {
			ends = append(ends, e.end)
		}
	}
	for i, w := range words {
		if capitalised(w) && treebank.IsTitle(w) {
			ends = append(ends, i+1)
		}
	}
	slices.Sort(ends)
	next := 0 // where the last name labelled ends
	for _, i := range ends {
		if i <= next || labels[i-1] != 0 {
			continue
		}
		j := i
		for j < len(words) && labels[j] == 0 && capitalised(words[j]) &&
			(upos == nil || upos[j] == "PROPN") && !calendar[words[j]] && !treebank.IsTitle(words[j]) {
			j++
		}
		labelSpan(labels, i, j, per)
		next = j
	}
}

// organizations labels as ORG the international organizations of the
// lexicon ("World Health Organisation", "WHO") that the model left
// outside any entity: it has seen few of them, and the lexicon knows them
// all.
func (r *Recognizer) organizations(entries []entry, labels []int) {
	org := slices.Index(r.types, "ORG")
	if org < 0 {
		return
	}
	for _, e := range entries {
		if e.kind == lexicon.IGO && !slices.ContainsFunc(labels[e.start:e.end], func(l int) bool { return l != 0 }) {
			labelSpan(labels, e.start, e.end, org)
		}
	}
}

// calendar holds the names of days and months, which follow titles as
// adverbs ("met the President Monday"); May is left out, being a name too.
var calendar = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true, "January": true, "February": true, "March": true,
	"April": true, "June": true, "July": true, "August": true, "September": true,
	"October": true, "November": true, "December": true,
}

// cutTitles separates titles from names. GUM counts titles in names of
// people ("Professor Eastman", "President Trump") and even a bare title
// ("the President") as one; UNER, like CoNLL and OntoNotes, does not, and
// dyad resolves the role apart from the name. Both the training data and
// the output are cut, so the model learns one convention and no title slips
// through:
//
//   - a title chain — countries, demonyms and organizations ending in a
//     role — is cut off the front of a person's name: "U.S. President Donald
//     Trump", "Israeli Foreign Minister Gideon Sa'ar";
//   - so are the titles of treebank.IsTitle ("Justice Scalia", "Miss
//     Chaworth");
//   - a person that is a title chain alone ("Azerbaijani President", "Mr.
//     Chief Justice") is dropped;
//   - another entity running on through a title into a capitalised name,
//     "NATO Secretary General Mark Rutte" tagged ORG, is split into the
//     organization and the person (a title at the front is left alone:
//     "Prince Edward Island").
//
// A title is cut only before a capitalised word: "President of the United
// States" stays whole.
func cutTitles(ents []treebank.Entity, words []string, lex *lexicon.Lexicon) []treebank.Entity {
	out := ents[:0:0]
	for _, e := range ents {
		if e.Type == "PER" {
			// a title begun before the span: "Secretary [General Mark Rutte]"
			for p := max(0, e.Start-3); p < e.Start; p++ {
				if m, n := lex.Match(words[p:e.End]); m.Kind == lexicon.Role && p+n > e.Start && p+n < e.End && capitalised(words[p+n]) {
					e.Start = p + n
					break
				}
			}
			name, whole := titleEnd(words[e.Start:e.End], lex)
			if whole {
				continue
			}
			e.Start += name
			// honorifics and titles the lexicon has no role for: "Miss
			// Chaworth", "Justice Scalia", "Mr. Chief Justice"
			for e.End-e.Start > 1 && treebank.IsTitle(words[e.Start]) && capitalised(words[e.Start+1]) {
				e.Start++
			}
			if e.End-e.Start == 1 && treebank.IsTitle(words[e.Start]) {
				continue
			}
			out = append(out, e)
			continue
		}
		for p := e.Start; p < e.End; {
			m, n := lex.Match(words[p:e.End])
			if n == 0 {
				p++
				continue
			}
			if p > e.Start && m.Kind == lexicon.Role && p+n < e.End && capitalised(words[p+n]) {
				out = append(out, treebank.Entity{Start: e.Start, End: p, Type: e.Type})
				e = treebank.Entity{Start: p + n, End: e.End, Type: "PER"}
				break
			}
			p += n
		}
		out = append(out, e)
	}
	return out
}

// titleEnd returns the length of the title chain that starts words and is
// followed by a capitalised word, 0 if none; whole reports that words are a
// title chain and nothing else. A country alone is no title: it may be a
// name ("Jordan Peterson").
func titleEnd(words []string, lex *lexicon.Lexicon) (name int, whole bool) {
	for j := 0; j < len(words); {
		m, n := lex.Match(words[j:])
		if n == 0 {
			break
		}
		j += n
		switch {
		case m.Kind != lexicon.Role && m.Kind != lexicon.Country && m.Kind != lexicon.Demonym && m.Kind != lexicon.IGO:
			return name, false
		case m.Kind != lexicon.Role:
		case j == len(words):
			return name, true
		case capitalised(words[j]):
			name = j
		}
	}
	return name, false
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// Model files: a magic line, a byte of flags, then the perceptron model,
// whose classes give the entity types, and the document model.
const (
	magic     = "dyad-ner-3\n"
	flagUPOS  = 1 // the model uses parts of speech
	flagVocab = 2 // a vocab (see vocab.write) comes before the perceptron
	flagDoc   = 4 // a document model follows the perceptron
)

// magics are the magic lines read, newest first, with the flags each may
// hold: dyad-ner-1 came before vocabs, dyad-ner-2 before document models.
var magics = []magicLine{
	{magic, flagUPOS | flagVocab | flagDoc},
	{"dyad-ner-2\n", flagUPOS | flagVocab},
	{"dyad-ner-1\n", flagUPOS},
}

type magicLine struct {
	line  string
	flags byte
}

// Write writes the recognizer's model.
func (r *Recognizer) Write(w io.Writer) error {
	var flags byte
	if r.upos {
		flags |= flagUPOS
	}
	if r.vocab != nil {
		flags |= flagVocab
	}
	if r.docModel != nil {
		flags |= flagDoc
	}
	if _, err := io.WriteString(w, magic+string(rune(flags))); err != nil {
		return err
	}
	if r.vocab != nil {
		if err := r.vocab.write(w); err != nil {
			return err
		}
	}
	if err := r.model.Write(w); err != nil || r.docModel == nil {
		return err
	}
	return r.docModel.Write(w)
}

// Read reads a model written by Write.
func Read(rd io.Reader) (*Recognizer, error) {
	br := bufio.NewReader(rd)
	head := make([]byte, len(magic)+1)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, errors.New("ner: not a dyad entity model")
	}
	k := slices.IndexFunc(magics, func(m magicLine) bool { return string(head[:len(magic)]) == m.line })
	flags := head[len(magic)]
	if k < 0 || flags&^magics[k].flags != 0 {
		return nil, errors.New("ner: not a dyad entity model")
	}
	var voc vocab
	if flags&flagVocab != 0 {
		var err error
		if voc, err = readVocab(br); err != nil {
			return nil, err
		}
	}
	m, err := perceptron.Read(br)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	types, err := typesOf(m.Classes)
	if err != nil {
		return nil, err
	}
	r := newRecognizer(types, flags&flagUPOS != 0, m)
	r.vocab = voc
	if flags&flagDoc != 0 {
		if r.docModel, err = perceptron.Read(br); err != nil {
			return nil, fmt.Errorf("ner: document model: %w", err)
		}
		if !slices.Equal(r.docModel.Classes, m.Classes) {
			return nil, errors.New("ner: document model has other classes")
		}
	}
	return r, nil
}

//go:embed models/ner.bin
var defaultModel []byte

// Default returns the embedded recognizer, read once and shared. It panics
// if the embedded model does not read, which the tests rule out.
func Default() *Recognizer { return loadDefault() }

var loadDefault = perceptron.Embedded("ner", defaultModel, Read)
