package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"dyad"
	"dyad/render"
	"dyad/story"
)

// runStories lists the stories of the stored articles: clustered in the
// order they were published, filtered by actor and outlet after.
func runStories(ctx context.Context, args []string, stdout, _ io.Writer) error {
	return query(ctx, "stories", args, stdout, stories, storyCols)
}

// stories lists the stories of s (see story.Service.Stories).
func stories(s dyad.Store, ctx context.Context, f dyad.Filter) ([]dyad.Story, error) {
	return story.Service{Store: s, Options: story.DefaultOptions()}.Stories(ctx, f)
}

var storyCols = []render.Column[dyad.Story]{
	{Name: "story", Value: func(s dyad.Story) string { return s.ID }},
	{Name: "first", Value: func(s dyad.Story) string { return day(s.First) }},
	{Name: "last", Value: func(s dyad.Story) string { return day(s.Last) }},
	{Name: "articles", Value: func(s dyad.Story) string { return strconv.Itoa(len(s.Articles)) }},
	{Name: "outlets", Value: func(s dyad.Story) string { return strings.Join(s.Outlets, "; ") }},
	{Name: "actors", Value: func(s dyad.Story) string {
		var codes []string
		for _, a := range s.Actors[:min(4, len(s.Actors))] {
			codes = append(codes, a.Code)
		}
		return strings.Join(codes, " ")
	}},
	{Name: "headline", Value: func(s dyad.Story) string { return s.Headline }},
}

// runCompare prints how the outlets of one story told it.
func runCompare(ctx context.Context, args []string, stdout, _ io.Writer) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the story and its comparison as one JSON object")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError{fmt.Errorf("want one STORY (an ID from dyad stories), got %d", len(pos))}
	}
	return withStore(ctx, *db, func(s dyad.Store) error {
		st, c, err := story.Service{Store: s, Options: story.DefaultOptions()}.Story(ctx, pos[0], dyad.Filter{})
		if err != nil {
			return err
		}
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetEscapeHTML(false)
			return enc.Encode(struct {
				Story      dyad.Story      `json:"story"`
				Comparison dyad.Comparison `json:"comparison"`
			}{st, c})
		}
		return render.Comparison(stdout, st, c)
	})
}
