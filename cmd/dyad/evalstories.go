package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"dyad"
	"dyad/eval"
	"dyad/extract"
	"dyad/lexicon"
	"dyad/story"
)

// storyScores is the JSON of "dyad eval stories": dyad's clustering, and
// the TF-IDF baseline's for comparison.
type storyScores struct {
	eval.Clustering
	Baseline eval.Clustering `json:"baseline"`
}

// runEvalStories clusters the ECB+ documents as a stream, in file order,
// and scores the stories against the gold ones. The documents carry no
// dates, so all fall in one time window.
func runEvalStories(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("eval stories", flag.ContinueOnError)
	path := fs.String("ecbplus", "", "ECB+ JSON Lines file: {id, topic, cluster, text} per line")
	asJSON := fs.Bool("json", false, "print the scores as one JSON object")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Errorf("unexpected argument %q", rest[0])}
	}
	if *path == "" {
		return usageError{errors.New("want --ecbplus PATH")}
	}
	f, err := os.Open(*path)
	if err != nil {
		return err
	}
	defer f.Close()
	docs, err := eval.ReadECBPlus(f, *path)
	if err != nil {
		return err
	}
	t0 := time.Now()
	a := extract.New(lexicon.Default())
	ans := make([]*dyad.Analysis, len(docs))
	gold := make([]string, len(docs))
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if ans[i], err = a.Analyze(dyad.Article{ID: d.ID, Text: d.Text}); err != nil {
			return fmt.Errorf("%s: document %s: %v", *path, d.ID, err)
		}
		gold[i] = d.Cluster
	}
	analyzed := time.Since(t0)
	t0 = time.Now()
	var s storyScores
	if s.Clustering, err = clusterScores(ans, gold, story.DefaultOptions()); err != nil {
		return err
	}
	clustered := time.Since(t0)
	if s.Baseline, err = clusterScores(ans, gold, story.BaselineOptions()); err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(s)
	}
	fmt.Fprintf(stdout, "%s: %d documents, %d gold stories; analyzed in %v, clustered in %v\n",
		*path, s.Docs, s.Gold, analyzed.Round(time.Millisecond), clustered.Round(time.Millisecond))
	for _, row := range []struct {
		name string
		c    eval.Clustering
	}{{"dyad", s.Clustering}, {"baseline", s.Baseline}} {
		fmt.Fprintf(stdout, "%-8s %3d stories  B-cubed P %6.2f  R %6.2f  F1 %6.2f   pairwise P %6.2f  R %6.2f  F1 %6.2f\n",
			row.name, row.c.Clusters, 100*row.c.BCubed.Precision, 100*row.c.BCubed.Recall, 100*row.c.BCubed.F1,
			100*row.c.Pairwise.Precision, 100*row.c.Pairwise.Recall, 100*row.c.Pairwise.F1)
	}
	fmt.Fprintln(stdout, "baseline: TF-IDF cosine to the story centroid >= 0.4 (Event Registry); documents are undated, so one window")
	return nil
}

// clusterScores clusters ans in order with opt and scores the stories.
func clusterScores(ans []*dyad.Analysis, gold []string, opt story.Options) (eval.Clustering, error) {
	c := story.NewClusterer(opt)
	pred := make([]string, len(ans))
	for i, an := range ans {
		pred[i] = c.Add(an)
	}
	return eval.ScoreClustering(gold, pred)
}
