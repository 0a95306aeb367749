package http

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"dyad"
	"dyad/coder"
	"dyad/demo"
	"dyad/extract"
	"dyad/ingest"
	"dyad/lexicon"
	"dyad/source"
	"dyad/sqlite"
)

// scriptTitle and scriptText make an article that carries markup: the API
// must return it as data and the UI must show it as text.
const (
	scriptOutlet = "Test <i>Wire</i>"
	scriptTitle  = `Envoys meet <script>window.__pwned=1</script>`
	scriptText   = "Envoys meet <script>window.__pwned=1</script>\n" +
		"Turkish President Recep Tayyip Erdogan met Indonesian Foreign Minister Sugiono in Ankara on Monday. " +
		`"We <b>welcome</b> the accord," Erdogan said. Trade between Turkey and Indonesia reached $2.5 billion last year.`
)

var (
	pipelineOnce sync.Once
	pipelineLex  *lexicon.Lexicon
)

// pipeline is analysis and event coding as dyad runs them, on store.
func pipeline(store dyad.Store) *ingest.Pipeline {
	pipelineOnce.Do(func() { pipelineLex = lexicon.Default() })
	return &ingest.Pipeline{Analyzer: extract.New(pipelineLex), Coder: coder.New(pipelineLex), Store: store}
}

// seed opens an SQLite store in dir holding the demo corpus and the script
// article, analyzed and coded, and returns it with the pipeline that
// stored them.
func seed(ctx context.Context, dir string) (*sqlite.Store, *ingest.Pipeline, error) {
	store, err := sqlite.Open(ctx, filepath.Join(dir, "dyad.db"))
	if err != nil {
		return nil, nil, err
	}
	p := pipeline(store)
	var errs []error
	source.ReadFS(ctx, demo.Corpus, source.Options{}, func(it source.Item) {
		err := it.Err
		if err == nil {
			_, err = p.Add(ctx, it.Article)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", it.Input, err))
		}
	})
	art := dyad.Article{
		ID: source.ArticleID(scriptText), Outlet: scriptOutlet, Title: scriptTitle,
		Published: time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC), Lang: "en", Text: scriptText,
	}
	if _, err := p.Add(ctx, art); err != nil {
		errs = append(errs, fmt.Errorf("script article: %w", err))
	}
	if err := errors.Join(errs...); err != nil {
		store.Close()
		return nil, nil, err
	}
	return store, p, nil
}
