// Package extract finds what an article says: mentions of actors resolved
// to states, governments, organizations and people; quotes and their
// speakers; figures; dates; themes; and tone.
//
// It works on sentences that dyad's models have tagged, parsed and searched
// for named entities (text and ner), and on the gazetteer in lexicon: the
// gazetteer resolves names to actors, the parse says who acts (the subject
// of a verb, "Tel Aviv is seeking"), who speaks (the subject of a reporting
// verb) and what a figure counts and is about (the noun a number modifies,
// the states named in its clause), and the recognizer finds people that no
// title introduces.
//
// Tone is lexicon-based: each word is looked up in lexicon's tone list
// (+1/−1), a negator up to three words before flips it, and the score is
// (positive − negative) per 100 words. An actor's tone is the score of the
// sentences that mention it.
package extract

import (
	"errors"
	"slices"
	"strings"

	"dyad"
	"dyad/lexicon"
	"dyad/ner"
	"dyad/text"
)

// Analyzer extracts analyses from articles. It is safe for concurrent use.
type Analyzer struct {
	Lexicon    *lexicon.Lexicon
	Tagger     *text.Tagger
	Parser     *text.Parser
	Recognizer *ner.Recognizer
	People     *People // learnt from every analysis; may be nil
}

// New returns an Analyzer on lex with dyad's embedded models.
func New(lex *lexicon.Lexicon) *Analyzer {
	return &Analyzer{Lexicon: lex, Tagger: text.DefaultTagger(), Parser: text.DefaultParser(),
		Recognizer: ner.Default(), People: NewPeople()}
}

var _ dyad.Analyzer = (*Analyzer)(nil)

// Analyze finds everything but events in art.
func (a *Analyzer) Analyze(art dyad.Article) (*dyad.Analysis, error) {
	if strings.TrimSpace(art.Text) == "" {
		return nil, errors.New("article has no text")
	}
	d := a.newDoc(art.Text)
	r := newResolver(a.Lexicon, a.People, d, art.Published)
	r.resolve(a.parse)
	dates := (&dateFinder{d: d, pub: art.Published}).find()
	q := &quoteFinder{d: d, r: r}
	quotes := append(append([]dyad.Quote{}, q.direct()...), q.indirect()...)
	slices.SortFunc(quotes, func(x, y dyad.Quote) int { return x.Start - y.Start })
	all := make([]int, len(d.sents))
	for i := range all {
		all[i] = i
	}
	an := &dyad.Analysis{
		Article:  art,
		Actors:   r.result(),
		Mentions: make([]dyad.Mention, len(r.mentions)),
		Quotes:   quotes,
		Figures:  append([]dyad.Figure{}, (&figureFinder{d: d, r: r, dates: dates}).find()...),
		Dates:    make([]dyad.Date, len(dates)),
		Events:   []dyad.Event{},
		Themes:   themes(a.Lexicon, d),
		Tone:     tone(a.Lexicon, d, all),
		Tones:    actorTones(a.Lexicon, d, r),

		Sentences: d.parse(),
	}
	for i, m := range r.mentions {
		an.Mentions[i] = m.Mention
	}
	if a.People != nil {
		a.People.Learn(an.Actors...)
	}
	for i, dt := range dates {
		an.Dates[i] = dt.Date
	}
	return an, nil
}
