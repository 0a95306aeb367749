package extract_test

import (
	"slices"
	"testing"
	"time"

	"dyad"
	"dyad/extract"
	"dyad/lexicon"
)

// analyze analyzes text published on Tuesday 27 January 2026.
func analyze(t *testing.T, text string) *dyad.Analysis {
	t.Helper()
	an, err := extract.New(lexicon.Default()).Analyze(dyad.Article{
		Text: text, Published: time.Date(2026, 1, 27, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, an)
	return an
}

func mentionOf(an *dyad.Analysis, text string) (dyad.Mention, bool) {
	i := slices.IndexFunc(an.Mentions, func(m dyad.Mention) bool { return m.Text == text })
	if i < 0 {
		return dyad.Mention{}, false
	}
	return an.Mentions[i], true
}

func TestMentions(t *testing.T) {
	tests := []struct {
		text, mention, actor, role string
	}{
		{"Ankara insists the deal is fair.", "Ankara", "TURGOV", dyad.RoleAgent},
		{"Talks were held in Ankara on Monday.", "Ankara", "TUR", dyad.RolePlace},
		{"The Kenyan army said it had withdrawn.", "The Kenyan army", "KENMIL", dyad.RoleAgent},
		{"Czechia wants tariffs.", "Czechia", "CZE", dyad.RoleAgent},
		{"Exports from the Czech Republic fell.", "Czech Republic", "CZE", dyad.RolePlace},
		{"The U.S. Treasury will respond.", "U.S.", "USA", ""},
		{"NATO allies met in Brussels.", "NATO", "IGOWSTNAT", ""},
		{"Kenyan Foreign Minister Amina Odhiambo arrived. Odhiambo said little.", "Odhiambo", "amina-odhiambo", ""},
		{"Kenyan Foreign Minister Amina Odhiambo arrived. Later the Kenyan minister left.", "the Kenyan minister", "amina-odhiambo", ""},
		{"Kenyan Foreign Minister Amina Odhiambo arrived. She met officials.", "She", "amina-odhiambo", ""},
		{"President Joao Lourenco of Angola spoke in Luanda. Lourenco left.", "Lourenco", "joao-lourenco", ""},
	}
	for _, tt := range tests {
		an := analyze(t, tt.text)
		m, ok := mentionOf(an, tt.mention)
		if !ok {
			t.Errorf("%q: no mention %q in %+v", tt.text, tt.mention, an.Mentions)
			continue
		}
		if m.Actor != tt.actor || m.Role != tt.role {
			t.Errorf("%q: %q is %s (%q), want %s (%q)", tt.text, tt.mention, m.Actor, m.Role, tt.actor, tt.role)
		}
	}
}

// TestCurrencyIsNoState checks that the state before a currency sign
// ("US $50 million") is no mention, nor anyone's country.
func TestCurrencyIsNoState(t *testing.T) {
	an := analyze(t, "President Amina Odhiambo paid US $50 million to Kenyan farmers.")
	if m, ok := mentionOf(an, "US"); ok {
		t.Errorf("US of US $ is a mention: %+v", m)
	}
	i := slices.IndexFunc(an.Actors, func(a dyad.Actor) bool { return a.ID == "amina-odhiambo" })
	if i < 0 || an.Actors[i].Code != "KENGOV" {
		t.Errorf("actors %+v: want Odhiambo KENGOV", an.Actors)
	}
}

// TestAppositionIsThePerson checks that a sector word in apposition to a
// person describes that person and makes no other actor.
func TestAppositionIsThePerson(t *testing.T) {
	an := analyze(t, "\"Kenyan buses will cost more,\" said Amina Odhiambo, an economist at a Nairobi bank.")
	if m, ok := mentionOf(an, "economist"); ok {
		t.Errorf("the economist Odhiambo is makes another actor: %+v", m)
	}
	if m, ok := mentionOf(an, "Amina Odhiambo"); !ok || m.Actor != "amina-odhiambo" {
		t.Errorf("Amina Odhiambo is %+v", m)
	}
}

// TestGroupOfNoNamedState checks that a group with no state of its own
// named takes the sentence's state only if it names one, known actors
// counting for theirs: "Congress" in a sentence naming Obama and Iran is
// of neither.
func TestGroupOfNoNamedState(t *testing.T) {
	an := analyze(t, "Congress is asking Barack Obama to help Iran.")
	if m, ok := mentionOf(an, "Congress"); ok {
		t.Errorf("Congress is %+v, want no state's", m)
	}
	an = analyze(t, "Police opened fire on protesters in Nairobi.")
	if m, ok := mentionOf(an, "Police"); !ok || m.Actor != "KENCOP" {
		t.Errorf("Police is %+v, want KENCOP", m)
	}
}

func TestPersonCountry(t *testing.T) {
	an := analyze(t, "Kenyan Foreign Minister Amina Odhiambo and Trade Minister Peter Mwangi met President Joao Lourenco in Luanda.")
	want := map[string]string{"amina-odhiambo": "KENGOV", "peter-mwangi": "KENGOV", "joao-lourenco": "AGOGOV"}
	for _, a := range an.Actors {
		if code, ok := want[a.ID]; ok {
			if a.Code != code {
				t.Errorf("%s: code %s, want %s", a.ID, a.Code, code)
			}
			delete(want, a.ID)
		}
	}
	if len(want) > 0 {
		t.Errorf("persons not found: %v", want)
	}
}

func TestQuotes(t *testing.T) {
	const intro = "Kenyan Foreign Minister Amina Odhiambo visited Luanda. "
	tests := []struct {
		text, quote, speaker, cue string
		direct                    bool
	}{
		{intro + "“We will build a bridge between our nations,” Odhiambo said.", "We will build a bridge between our nations", "amina-odhiambo", "said", true},
		{intro + "“We will build a bridge between our nations,” said Odhiambo.", "We will build a bridge between our nations", "amina-odhiambo", "said", true},
		{intro + "“We will build a bridge,” she told reporters.", "We will build a bridge", "amina-odhiambo", "told", true},
		{intro + "Odhiambo reaffirmed her position: “Trade must come first for both of us.”", "Trade must come first for both of us.", "amina-odhiambo", "reaffirmed", true},
		{intro + "Odhiambo described the talks as “frank and useful”.", "frank and useful", "amina-odhiambo", "described … as", true},
		{intro + "“The corridor is open for business,” Odhiambo wrote on X.", "The corridor is open for business", "amina-odhiambo", "wrote on X", true},
		{intro + "Odhiambo said on Monday that the corridor would open in May.", "the corridor would open in May", "amina-odhiambo", "said", false},
		{intro + "Kenyan officials confirmed that the corridor would open.", "the corridor would open", "KENGOV", "confirmed", false},
		// The parse finds the subject inside a title and past a dateline,
		// and the recognizer finds people introduced with no role.
		{"LUANDA – Kenyan Foreign Minister Amina Odhiambo announced that the corridor would open.", "the corridor would open", "amina-odhiambo", "announced", false},
		{intro + "Angolan Trade Minister Rui Mingas, who hosted the talks, said the corridor would open.", "the corridor would open", "rui-mingas", "said", false},
		{"Jonas Berglund said the corridor would open in May.", "the corridor would open in May", "jonas-berglund", "said", false},
	}
	for _, tt := range tests {
		an := analyze(t, tt.text)
		q, ok := findQuote(an, tt.quote)
		if !ok {
			t.Errorf("%q: quote not found in %+v", tt.text, an.Quotes)
			continue
		}
		if q.Text != tt.quote || q.Speaker.Actor != tt.speaker || q.Cue != tt.cue || q.Direct != tt.direct {
			t.Errorf("%q:\n got %q by %s cue %q direct %v\nwant %q by %s cue %q direct %v", tt.text,
				q.Text, q.Speaker.Actor, q.Cue, q.Direct, tt.quote, tt.speaker, tt.cue, tt.direct)
		}
	}
	if an := analyze(t, "The so-called “reset” failed."); len(an.Quotes) != 0 {
		t.Errorf("a scare quote is not speech: %+v", an.Quotes)
	}
}

// TestParse checks the parse handed to the coder: every token's span in
// its sentence, one root per sentence, heads within it and none its own,
// the dateline hanging from the root, a bare weekday from its verb.
func TestParse(t *testing.T) {
	an := analyze(t, "BAKU – Azerbaijan and Israel signed a deal on Monday. Both sides hailed it. "+
		"Kenyan lawmakers Tuesday endorsed the treaty. Monday.")
	if len(an.Sentences) != 4 {
		t.Fatalf("%d sentences, want 4", len(an.Sentences))
	}
	for _, s := range an.Sentences {
		roots := 0
		for _, tok := range s.Tokens {
			if tok.Start < s.Start || tok.End > s.End || tok.UPOS == "" || tok.Rel == "" {
				t.Errorf("token %+v in sentence %+v", tok, s.Span)
			}
			if tok.Head < 0 || tok.Head > len(s.Tokens) || tok.Head > 0 && s.Tokens[tok.Head-1] == tok {
				t.Errorf("token %+v: head out of the sentence or itself", tok)
			}
			if tok.Head == 0 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("sentence %+v has %d roots", s.Span, roots)
		}
	}
	toks := an.Sentences[0].Tokens
	root := slices.IndexFunc(toks, func(tok dyad.Token) bool { return tok.Head == 0 })
	if toks[0].Head != root+1 || toks[0].Rel != "dep" || an.Article.Text[toks[root].Start:toks[root].End] != "signed" {
		t.Errorf("dateline %+v, root %+v: want the dateline under the root \"signed\"", toks[0], toks[root])
	}
	word := func(tok dyad.Token) string { return an.Article.Text[tok.Start:tok.End] }
	toks = an.Sentences[2].Tokens
	if day := toks[2]; word(toks[day.Head-1]) != "endorsed" || day.Rel != "obl:unmarked" {
		t.Errorf("bare weekday %q hangs from %q as %s, want from \"endorsed\" as obl:unmarked", word(day), word(toks[day.Head-1]), day.Rel)
	}
	if toks[1].Rel != "nsubj" {
		t.Errorf("%q is %s, want nsubj", word(toks[1]), toks[1].Rel)
	}
}

func TestFigures(t *testing.T) {
	tests := []struct {
		text          string
		value         float64
		unit, qual    string
		quantity, per string
	}{
		{"Exports reached nearly €2.4 billion in 2025.", 2.4e9, "EUR", "nearly", "exports", "2025"},
		{"Kenya pledged 500 million dollars in aid last year.", 5e8, "USD", "", "aid", "2025"},
		{"Trade grew by more than 12 per cent last month.", 12, "%", "more than", "trade", "2025-12"},
		{"At least 15 soldiers were killed.", 15, "soldiers", "at least", "soldiers", ""},
		{"Some 3,200 refugees crossed the border on Monday.", 3200, "refugees", "some", "refugees", "2026-01-26"},
		{"The firm bought a 25% stake.", 25, "%", "", "stake", ""},
		{"Losses reached 2 billion CFA francs last year.", 2e9, "XOF", "", "", "2025"},
	}
	for _, tt := range tests {
		an := analyze(t, tt.text)
		if len(an.Figures) != 1 {
			t.Errorf("%q: %d figures %+v, want 1", tt.text, len(an.Figures), an.Figures)
			continue
		}
		f := an.Figures[0]
		if f.Value != tt.value || f.Unit != tt.unit || f.Qualifier != tt.qual || f.Quantity != tt.quantity || f.Period != tt.per {
			t.Errorf("%q:\n got %v %s %q %q %q\nwant %v %s %q %q %q", tt.text, f.Value, f.Unit, f.Qualifier, f.Quantity, f.Period,
				tt.value, tt.unit, tt.qual, tt.quantity, tt.per)
		}
	}
	for _, text := range []string{"The treaty was signed in 1994.", "Talks lasted three years.", "He left 10 days ago."} {
		if an := analyze(t, text); len(an.Figures) != 0 {
			t.Errorf("%q: want no figures, got %+v", text, an.Figures)
		}
	}
}

func TestDates(t *testing.T) {
	// Published Tuesday 27 January 2026.
	tests := []struct{ text, date, value string }{
		{"They met on Monday.", "Monday", "2026-01-26"},
		{"They will meet on Friday.", "Friday", "2026-01-30"},
		{"They met last Tuesday.", "last Tuesday", "2026-01-20"},
		{"They met on 5 March 2025.", "5 March 2025", "2025-03-05"},
		{"They met on March 5, 2025.", "March 5, 2025", "2025-03-05"},
		{"They met in March 2025.", "March 2025", "2025-03"},
		{"They met last week.", "last week", "2026-W04"},
		{"They met yesterday.", "yesterday", "2026-01-26"},
		{"They met two years ago.", "two years ago", "2024"},
		{"They met on Jan. 12.", "Jan. 12", "2026-01-12"},
	}
	for _, tt := range tests {
		an := analyze(t, tt.text)
		if !slices.ContainsFunc(an.Dates, func(d dyad.Date) bool { return d.Text == tt.date && d.Value == tt.value }) {
			t.Errorf("%q: want %q = %s, got %+v", tt.text, tt.date, tt.value, an.Dates)
		}
	}
	// Without a publication date, relative dates are not guessed.
	an, err := extract.New(lexicon.Default()).Analyze(dyad.Article{Text: "They met on Monday in 2025."})
	if err != nil {
		t.Fatal(err)
	}
	if len(an.Dates) != 1 || an.Dates[0].Value != "2025" {
		t.Errorf("undated article: got %+v, want only 2025", an.Dates)
	}
}

func TestToneAndThemes(t *testing.T) {
	an := analyze(t, "Kenya and Angola signed a friendly energy partnership. Angola condemned the attack on its pipeline. Kenya did not welcome the move.")
	if an.Tone.Positive == 0 || an.Tone.Negative == 0 || an.Tone.Words == 0 {
		t.Errorf("tone %+v: want both polarities counted", an.Tone)
	}
	tones := map[string]dyad.ActorTone{}
	for _, at := range an.Tones {
		tones[at.Actor] = at
	}
	if tones["AGO"].Sentences != 2 || tones["KEN"].Sentences != 2 {
		t.Errorf("actor tones %+v: want two sentences each for KEN and AGO", an.Tones)
	}
	if !slices.ContainsFunc(an.Themes, func(th dyad.Theme) bool { return th.Name == "ENERGY" && th.Count == 2 }) {
		t.Errorf("themes %+v: want ENERGY 2 (energy, pipeline)", an.Themes)
	}
}

func TestEmptyArticle(t *testing.T) {
	if _, err := extract.New(lexicon.Default()).Analyze(dyad.Article{Text: " \n "}); err == nil {
		t.Error("an article with no text should be an error")
	}
}

// TestPeople checks discovery: a person introduced with a role in one
// article is known in the next by surname, unless two known people share
// it.
func TestPeople(t *testing.T) {
	a := extract.New(lexicon.Default())
	analyzeWith := func(text string) *dyad.Analysis {
		an, err := a.Analyze(dyad.Article{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		return an
	}
	analyzeWith("Kenyan Foreign Minister Amina Odhiambo visited Luanda.")
	an := analyzeWith("Odhiambo arrived late, and the talks began.")
	m, ok := mentionOf(an, "Odhiambo")
	if !ok || m.Actor != "amina-odhiambo" {
		t.Fatalf("Odhiambo resolved to %+v, want amina-odhiambo", m)
	}
	i := slices.IndexFunc(an.Actors, func(x dyad.Actor) bool { return x.ID == "amina-odhiambo" })
	if i < 0 || an.Actors[i].Country != "KEN" || an.Actors[i].Role != "foreign minister" || an.Actors[i].Code != "KENGOV" {
		t.Errorf("actors %+v: want Odhiambo as Kenya's foreign minister", an.Actors)
	}
	analyzeWith("Ugandan Trade Minister Peter Odhiambo spoke.")
	an = analyzeWith("Odhiambo arrived late, and the talks began.")
	if m, ok := mentionOf(an, "Odhiambo"); ok && m.Actor != "" && m.Actor != "odhiambo" {
		t.Errorf("an ambiguous surname resolved to %s", m.Actor)
	}
}

// TestKnownActors checks the Phoenix actors: a name the article does not
// introduce is coded as on the publication date, and a person introduced
// without a country takes the known one.
func TestKnownActors(t *testing.T) {
	tests := []struct {
		text, mention, code string
		published           time.Time
	}{
		{"Hamas rejected the plan.", "Hamas", "PSEREBHMS", time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"Fighting spread in Helmand.", "Helmand", "AFG", time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"Later, Barack Obama spoke.", "Barack Obama", "USAGOV", time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"Later, Barack Obama spoke.", "Barack Obama", "USAELI", time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)},
		// introduced, a person is who the text says, whatever office the
		// dictionaries give them in other years
		{"Rebels met U.N. mediator Diego Cordovez.", "Diego Cordovez", "IGOUNO", time.Date(1988, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"King Hassan of Morocco spoke.", "Hassan", "MARGOV", time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"Kenzo Oshima, the United Nations Emergency Relief Coordinator, spoke.", "Kenzo Oshima", "IGOUNO", time.Date(2006, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		an, err := extract.New(lexicon.Default()).Analyze(dyad.Article{Text: tt.text, Published: tt.published})
		if err != nil {
			t.Fatal(err)
		}
		m, ok := mentionOf(an, tt.mention)
		i := slices.IndexFunc(an.Actors, func(a dyad.Actor) bool { return a.ID == m.Actor })
		if !ok || i < 0 || an.Actors[i].Code != tt.code {
			t.Errorf("%q on %s: %q is %+v, want code %s", tt.text, tt.published.Format("2006"), tt.mention, m, tt.code)
		}
	}
}
