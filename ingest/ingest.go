// Package ingest runs the pipeline for one article at a time: analyze, code,
// store. It is where read meets store, for the CLI and for workers alike.
package ingest

import (
	"context"
	"fmt"

	"dyad"
)

// Pipeline analyzes articles, codes their events when a Coder is set, and
// stores the result.
type Pipeline struct {
	Analyzer dyad.Analyzer
	Coder    dyad.Coder // optional
	Store    dyad.Store
}

// Outcome of adding one article.
type Outcome int

const (
	New       Outcome = iota + 1 // stored now
	Duplicate                    // already stored: nothing changed
)

// Analyze analyzes art and codes its events.
func (p *Pipeline) Analyze(art dyad.Article) (*dyad.Analysis, error) {
	an, err := p.Analyzer.Analyze(art)
	if err != nil {
		return nil, fmt.Errorf("analyze: %w", err)
	}
	if p.Coder != nil {
		if err := p.Coder.Code(an); err != nil {
			return nil, fmt.Errorf("code events: %w", err)
		}
	}
	return an, nil
}

// Add stores art unless the store has it already. An article already
// stored is not analyzed again.
func (p *Pipeline) Add(ctx context.Context, art dyad.Article) (Outcome, error) {
	has, err := p.Store.Has(ctx, art.ID)
	if err != nil {
		return 0, err
	}
	if has {
		return Duplicate, nil
	}
	an, err := p.Analyze(art)
	if err != nil {
		return 0, err
	}
	created, err := p.Store.Put(ctx, an)
	if err != nil {
		return 0, fmt.Errorf("store: %w", err)
	}
	if !created {
		return Duplicate, nil // stored meanwhile by someone else
	}
	return New, nil
}

// Summary counts what a batch did.
type Summary struct {
	Read      int `json:"read"`
	New       int `json:"new"`
	Duplicate int `json:"duplicate"`
	Failed    int `json:"failed"`
}

// Count adds one outcome, or a failure when err is not nil.
func (s *Summary) Count(o Outcome, err error) {
	s.Read++
	switch {
	case err != nil:
		s.Failed++
	case o == New:
		s.New++
	case o == Duplicate:
		s.Duplicate++
	}
}

func (s Summary) String() string {
	return fmt.Sprintf("read %d, new %d, duplicate %d, failed %d", s.Read, s.New, s.Duplicate, s.Failed)
}
