// Package dyad holds the domain types of dyad and the interfaces between its
// stages: read → analyze → code → store → cluster/compare → serve.
//
// Every extracted item carries Start/End byte offsets into Article.Text, so a
// record can always be traced back to the bytes it came from. This package
// uses the standard library only; each stage lives in its own subpackage.
package dyad

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Article is one news text with its metadata. ID is derived from the
// normalized text (see source.ArticleID), so re-reading the same text yields
// the same ID.
type Article struct {
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Title     string    `json:"title"`
	Byline    string    `json:"byline,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Lang      string    `json:"lang,omitempty"`
	Text      string    `json:"text,omitempty"`
}

// Span is a half-open byte range [Start, End) of Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Actor kinds.
const (
	KindCountry    = "country"    // a state: Code is its ISO 3166-1 alpha-3 code
	KindGovernment = "government" // a state acting through its government: ISRGOV
	KindIGO        = "igo"        // an intergovernmental organization: IGOUNO
	KindPerson     = "person"     // a named person, usually with a role
	KindGroup      = "group"      // a sector of a state: the army, companies, media
)

// Actor is anyone who can do something to someone: a state, its
// government, an IGO, a person. Code is CAMEO-style: country + sector
// ("ISRGOV"), or an IGO code ("IGOUNO").
type Actor struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Code    string `json:"code"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
	Kind    string `json:"kind"`
	Role    string `json:"role,omitempty"`
}

// Mention types, as in named-entity recognition.
const (
	PER  = "PER"
	ORG  = "ORG"
	LOC  = "LOC"
	MISC = "MISC"
)

// Mention roles: how a mention is used in its sentence.
const (
	RoleAgent = "agent" // the mention does something: "Tel Aviv is seeking"
	RolePlace = "place" // the mention is where something happens: "in Baku"
)

// Mention is a stretch of text that refers to an actor (by name, short
// form, pronoun or metonymy) or a place.
type Mention struct {
	Span
	Text  string `json:"text"`
	Type  string `json:"type"`
	Actor string `json:"actor,omitempty"` // Actor.ID
	Role  string `json:"role,omitempty"`
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	Name  string `json:"name"`
	Code  string `json:"code,omitempty"`
	Actor string `json:"actor,omitempty"` // Actor.ID
	Span         // where the speaker is named for this quote
}

// Quote is something someone said. Direct quotes span the quoted words;
// indirect ones span the reported clause.
type Quote struct {
	Span
	Text    string  `json:"text"`
	Direct  bool    `json:"direct"`
	Cue     string  `json:"cue,omitempty"` // "said", "told", "wrote on X"
	Speaker Speaker `json:"speaker"`
}

// Figure is a number claimed in a text: "over $360 million last year".
// Value is in base units (360000000); Unit is an ISO 4217 code for money,
// "%" for percentages, or the counted noun ("flights").
type Figure struct {
	Span
	Text      string   `json:"text"`
	Value     float64  `json:"value"`
	Unit      string   `json:"unit"`
	Qualifier string   `json:"qualifier,omitempty"` // over, nearly, about, up to, ...
	Quantity  string   `json:"quantity,omitempty"`  // what is counted or measured: trade, tourists
	Period    string   `json:"period,omitempty"`    // ISO 8601: "2025", "2025-01", "2024/2025"
	Actors    []string `json:"actors,omitempty"`    // actor codes the figure is about
}

// Date is a point or period in time named by the text, resolved against the
// publication date when relative ("on Monday", "last year").
type Date struct {
	Span
	Text  string `json:"text"`
	Value string `json:"value"` // ISO 8601: 2026-01-26, 2025-03, 2025
}

// Theme is a sector or topic the article discusses, like GDELT's themes.
type Theme struct {
	Name  string `json:"name"`  // ENERGY, DEFENCE, TRADE, ...
	Count int    `json:"count"` // number of cue words found
}

// Tone is a lexicon-based polarity score: (positive − negative) words per 100
// words, as GDELT's tone. Words counts the words scored.
type Tone struct {
	Score    float64 `json:"score"`
	Positive int     `json:"positive"`
	Negative int     `json:"negative"`
	Words    int     `json:"words"`
}

// ActorTone is the tone of the sentences that mention one actor.
type ActorTone struct {
	Actor     string `json:"actor"` // Actor.ID
	Sentences int    `json:"sentences"`
	Tone
}

// EventActor is one side of an event.
type EventActor struct {
	Name    string `json:"name"`
	Code    string `json:"code"`
	Country string `json:"country,omitempty"`
	Sector  string `json:"sector,omitempty"`
	Actor   string `json:"actor,omitempty"` // Actor.ID
}

// PLOVER is the PLOVER coding of an event.
type PLOVER struct {
	Type    string `json:"type"`
	Mode    string `json:"mode,omitempty"`
	Context string `json:"context,omitempty"`
}

// Event is who did what to whom, with the sentence it was coded from.
type Event struct {
	Date       string     `json:"date"`
	Source     EventActor `json:"source"`
	Target     EventActor `json:"target"`
	CAMEO      string     `json:"cameo"`
	Root       string     `json:"root"`
	Quad       int        `json:"quad"`
	Goldstein  float64    `json:"goldstein"`
	PLOVER     PLOVER     `json:"plover"`
	Location   string     `json:"location,omitempty"`
	Span                  // the evidence sentence
	Evidence   string     `json:"evidence"`
	Confidence float64    `json:"confidence"`
	Coder      string     `json:"coder"`    // coder version
	Dict       string     `json:"dict"`     // hash of the dictionaries that coded it
	Mentions   int        `json:"mentions"` // how often the article reports it
}

// Key identifies an event within an article, so that storing it twice is a
// no-op.
func (e Event) Key() string {
	return e.Date + "|" + e.Source.Code + "|" + e.Target.Code + "|" + e.CAMEO
}

// Analysis is everything dyad found in one article.
type Analysis struct {
	Article  Article     `json:"article"`
	Actors   []Actor     `json:"actors"`
	Mentions []Mention   `json:"mentions"`
	Quotes   []Quote     `json:"quotes"`
	Figures  []Figure    `json:"figures"`
	Dates    []Date      `json:"dates"`
	Events   []Event     `json:"events"`
	Themes   []Theme     `json:"themes"`
	Tone     Tone        `json:"tone"`
	Tones    []ActorTone `json:"actor_tones"`

	// Sentences is the article's parse, for the coder. It is not stored
	// or printed: it is derived from the text by the analyzer's models.
	Sentences []Sentence `json:"-"`
}

// Sentence is one sentence of an article and its dependency tree.
type Sentence struct {
	Span
	Tokens []Token
}

// Token is a word of a sentence with its tags and its head.
type Token struct {
	Span
	UPOS string // universal part of speech
	XPOS string // Penn Treebank tag
	Head int    // 1-based index of the head in the sentence; 0 for the root
	Rel  string // universal dependency relation to the head
}

// CheckSpans reports every item whose span does not hold the text it
// claims: provenance that points at the wrong bytes is a bug.
func (an *Analysis) CheckSpans() error {
	text := an.Article.Text
	check := func(what string, sp Span, want string) error {
		if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End || text[sp.Start:sp.End] != want {
			return fmt.Errorf("article %s: %s span %d-%d does not hold %q", an.Article.ID, what, sp.Start, sp.End, want)
		}
		return nil
	}
	var errs []error
	for _, m := range an.Mentions {
		errs = append(errs, check("mention", m.Span, m.Text))
	}
	for _, q := range an.Quotes {
		errs = append(errs, check("quote", q.Span, q.Text))
	}
	for _, f := range an.Figures {
		errs = append(errs, check("figure", f.Span, f.Text))
	}
	for _, d := range an.Dates {
		errs = append(errs, check("date", d.Span, d.Text))
	}
	for _, e := range an.Events {
		errs = append(errs, check("event", e.Span, e.Evidence))
	}
	return errors.Join(errs...)
}

// Analyzer turns an article into an analysis. It does not code events.
type Analyzer interface {
	Analyze(Article) (*Analysis, error)
}

// Coder adds events to an analysis.
type Coder interface {
	Code(*Analysis) error
}

// Filter selects stored records. Zero fields do not filter.
type Filter struct {
	// Actor matches an actor by ID, code, country or name (case-insensitive).
	Actor  string
	Outlet string    // exact outlet name, case-insensitive
	Query  string    // full-text query over article titles and texts (FTS5 syntax)
	Since  time.Time // published at or after
	Until  time.Time // published before
	Limit  int       // 0 means no limit

	// Event fields: only Events applies them. Source and Target match an
	// event's source and target as Actor matches an actor; together they
	// are a directed dyad, matched in both directions when Undirected.
	Source     string
	Target     string
	Undirected bool
	CAMEO      string // prefix of the CAMEO code: "04" matches 040-046
	Quad       int    // QuadClass 1-4
}

// ActorSummary is a stored actor with how often it appears.
type ActorSummary struct {
	Actor
	Articles  int       `json:"articles"`
	Mentions  int       `json:"mentions"`
	FirstSeen time.Time `json:"first_seen,omitzero"`
	LastSeen  time.Time `json:"last_seen,omitzero"`
}

// Source names the article a stored record came from.
type Source struct {
	ArticleID string    `json:"article_id"`
	URL       string    `json:"url,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
}

// QuoteRecord is a stored quote with its article.
type QuoteRecord struct {
	Source
	Quote
}

// FigureRecord is a stored figure with its article.
type FigureRecord struct {
	Source
	Figure
}

// EventRecord is a stored event with its article.
type EventRecord struct {
	Source
	Event
}

// EventCount counts the stored events of one day between one pair of
// actor codes in one QuadClass: what dyad series and actor networks are
// drawn from without reading every event. Day is the event's date, else
// its article's publication date (YYYY-MM-DD), else "". Source and Target
// carry the code and a name.
type EventCount struct {
	Day       string     `json:"day"`
	Source    EventActor `json:"source"`
	Target    EventActor `json:"target"`
	Quad      int        `json:"quad"`
	Events    int        `json:"events"`
	Goldstein float64    `json:"goldstein"` // the sum of the events' Goldstein values
}

// Counts is the size of a store.
type Counts struct {
	Articles int `json:"articles"`
	Actors   int `json:"actors"`
	Mentions int `json:"mentions"`
	Quotes   int `json:"quotes"`
	Figures  int `json:"figures"`
	Events   int `json:"events"`
}

// Errors a Store returns, wrapped with what failed.
var (
	ErrNotFound     = errors.New("not found")     // no article with that ID
	ErrInvalidQuery = errors.New("invalid query") // Filter.Query is not a valid search
)

// Store keeps analyses and answers queries over them. Put is idempotent by
// article ID: storing an article that is already there changes nothing and
// reports created == false. Analysis reads a stored article back with
// everything stored of it (all but the parse), or fails with ErrNotFound.
// EventCounts counts the events Events would return (Limit aside) by day,
// pair and QuadClass.
type Store interface {
	Put(ctx context.Context, a *Analysis) (created bool, err error)
	Has(ctx context.Context, articleID string) (bool, error)
	Analysis(ctx context.Context, articleID string) (*Analysis, error)
	Articles(ctx context.Context, f Filter) ([]Article, error)
	Actors(ctx context.Context, f Filter) ([]ActorSummary, error)
	Quotes(ctx context.Context, f Filter) ([]QuoteRecord, error)
	Figures(ctx context.Context, f Filter) ([]FigureRecord, error)
	Events(ctx context.Context, f Filter) ([]EventRecord, error)
	EventCounts(ctx context.Context, f Filter) ([]EventCount, error)
	Counts(ctx context.Context) (Counts, error)
	Close() error
}

// StoryStore is a Store that also keeps the story of each article, as
// story.Service assigns them, so that a story is read without clustering
// the store again.
type StoryStore interface {
	Store
	// Unassigned returns the IDs of up to limit articles that have no
	// story yet, in publication order (undated first, then by ID).
	Unassigned(ctx context.Context, limit int) ([]string, error)
	// SetStories records the story of each article.
	SetStories(ctx context.Context, members []StoryMember) error
	// StoryMembers returns the articles published at or after since that
	// have a story, with it, in publication order.
	StoryMembers(ctx context.Context, since time.Time) ([]StoryMember, error)
	// StoryArticles returns the IDs of a story's articles in publication
	// order; none for an unknown story.
	StoryArticles(ctx context.Context, story string) ([]string, error)
	// StoryIDs returns the stories of the articles passing f (its article
	// conditions and Actor, as Articles applies them), the one with the
	// latest such article first, at most f.Limit of them.
	StoryIDs(ctx context.Context, f Filter) ([]string, error)
}

// StoryMember is an article and its story.
type StoryMember struct {
	Article string
	Story   string
}
