package dyad_test

import (
	"strings"
	"testing"

	"dyad"
)

func TestCheckSpans(t *testing.T) {
	an := &dyad.Analysis{
		Article:  dyad.Article{ID: "a", Text: "Sa'ar met Aliyev."},
		Mentions: []dyad.Mention{{Span: dyad.Span{Start: 0, End: 5}, Text: "Sa'ar"}},
		Figures:  []dyad.Figure{{Span: dyad.Span{Start: 10, End: 16}, Text: "Aliyev"}},
	}
	if err := an.CheckSpans(); err != nil {
		t.Fatalf("valid spans: %v", err)
	}
	an.Mentions[0].End = 4
	an.Figures[0].End = 99
	err := an.CheckSpans()
	if err == nil || !strings.Contains(err.Error(), "mention span 0-4") || !strings.Contains(err.Error(), "figure span 10-99") {
		t.Errorf("want both bad spans reported, got %v", err)
	}
}
