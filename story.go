package dyad

import "time"

// Story is a set of articles that tell one event or issue, as the story
// package clusters them, with a summary of what they report.
type Story struct {
	ID       string    `json:"id"`       // the ID of its first article
	Headline string    `json:"headline"` // the title of its most central article
	Central  string    `json:"central"`  // that article's ID
	First    time.Time `json:"first,omitzero"`
	Last     time.Time `json:"last,omitzero"`
	Articles []string  `json:"articles"` // IDs, in order of arrival
	Outlets  []string  `json:"outlets"`
	// Duplicates lists the groups of near-duplicate articles (syndicated or
	// republished copies), two or more IDs each.
	Duplicates [][]string   `json:"duplicates,omitempty"`
	Actors     []StoryActor `json:"actors"` // most reported first
	Events     []StoryEvent `json:"events"` // most reported first
}

// StoryActor is an actor of a story with how many articles and outlets
// mention it.
type StoryActor struct {
	Actor    string `json:"actor"` // Actor.ID
	Code     string `json:"code"`
	Name     string `json:"name"`
	Articles int    `json:"num_articles"`
	Outlets  int    `json:"num_sources"`
}

// StoryEvent is an event signature (source, target, CAMEO root) of a story
// with how many outlets and articles report it, as GDELT's NumSources and
// NumArticles.
type StoryEvent struct {
	Signature
	Articles int `json:"num_articles"`
	Outlets  int `json:"num_sources"`
}

// Signature identifies an event across articles: who did what kind of
// thing to whom.
type Signature struct {
	Source string `json:"source"` // actor code
	Target string `json:"target"`
	Root   string `json:"root"` // CAMEO root code
}

// Comparison lines up what the voices of one story reported. A voice is an
// outlet; near-duplicate copies, even in several outlets, are one voice.
type Comparison struct {
	Story   string            `json:"story"`
	Voices  []Voice           `json:"voices"`
	Figures []FigureAlignment `json:"figures"`
	Quotes  []QuoteAlignment  `json:"quotes"`
	Events  []EventAlignment  `json:"events"`
	Actors  []ActorAlignment  `json:"actors"`
}

// Voice is what one voice of a story reported.
type Voice struct {
	Outlets  []string    `json:"outlets"`
	Articles []string    `json:"articles"`
	Actors   []string    `json:"actors"` // Actor.IDs mentioned
	Figures  []Figure    `json:"figures"`
	Quotes   []Quote     `json:"quotes"`
	Events   []Signature `json:"events"`
	Tones    []ActorTone `json:"actor_tones"` // tone toward each actor
}

// Alignment outcomes.
const (
	Agree      = "agree"      // figures: the same quantity, compatible values
	Conflict   = "conflict"   // figures: the same quantity, incompatible values
	Same       = "same"       // quotes: the same words
	Partial    = "partial"    // quotes: one quotes part of the other
	Paraphrase = "paraphrase" // quotes: the same claim in other words
	Shared     = "shared"     // events, actors: reported by several voices
	Only       = "only"       // reported by one voice only
)

// FigureClaim is a figure as one voice gives it.
type FigureClaim struct {
	Voice   int    `json:"voice"` // index into Comparison.Voices
	Article string `json:"article"`
	Figure
}

// FigureAlignment is one quantity as the voices give it.
type FigureAlignment struct {
	Quantity string        `json:"quantity"`
	Unit     string        `json:"unit"`
	Period   string        `json:"period,omitempty"`
	Outcome  string        `json:"outcome"` // Agree, Conflict or Only
	Claims   []FigureClaim `json:"claims"`
}

// QuoteClaim is a quote as one voice gives it.
type QuoteClaim struct {
	Voice   int    `json:"voice"`
	Article string `json:"article"`
	Quote
}

// QuoteAlignment is one thing a speaker said, as the voices quote it.
type QuoteAlignment struct {
	Speaker string       `json:"speaker"` // Actor.ID, else the name
	Outcome string       `json:"outcome"` // Same, Partial, Paraphrase or Only
	Claims  []QuoteClaim `json:"claims"`
}

// EventAlignment is an event signature and the voices that report it.
type EventAlignment struct {
	Signature
	Outcome string `json:"outcome"` // Shared or Only
	Voices  []int  `json:"voices"`
}

// ActorAlignment is an actor and the voices that mention it.
type ActorAlignment struct {
	Actor   string `json:"actor"` // Actor.ID
	Code    string `json:"code"`
	Name    string `json:"name"`
	Outcome string `json:"outcome"` // Shared or Only
	Voices  []int  `json:"voices"`
}
