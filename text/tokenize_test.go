package text

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dyad"
)

func TestTokenize(t *testing.T) {
	// Tokens are listed separated by "|".
	tests := []struct{ in, want string }{
		{"Trade rose by 50 percent.", "Trade|rose|by|50|percent|."},
		// Numbers keep their separators; a range splits on the hyphen.
		{"60,000 tourists", "60,000|tourists"},
		{"3.5 and 1,200.50", "3.5|and|1,200.50"},
		{"2,000,000 or 12,34", "2,000,000|or|12|,|34"},
		{"between 2024-2025", "between|2024|-|2025"},
		{"at 10:30 on 24/7 and 26/01/2026", "at|10:30|on|24/7|and|26/01/2026"},
		{"a 10-year-old F-16 and COVID-19", "a|10-year-old|F-16|and|COVID-19"},
		{"worth .5 percent", "worth|.5|percent"},
		// Currency and percent signs are tokens of their own.
		{"over $360 million", "over|$|360|million"},
		{"€1.5bn, £20, ¥300, ₼17 and ₪5", "€|1.5bn|,|£|20|,|¥|300|,|₼|17|and|₪|5"},
		{"10% of US$5", "10|%|of|US|$|5"},
		// Abbreviations keep their period.
		{"U.S. and U.K. officials", "U.S.|and|U.K.|officials"},
		{"at 9 a.m. today, e.g. here", "at|9|a.m.|today|,|e.g.|here"},
		{"Mr. Sa'ar met Gov. Smith and Dr. Jones Jr. of Acme Inc.", "Mr.|Sa'ar|met|Gov.|Smith|and|Dr.|Jones|Jr.|of|Acme|Inc."},
		{"on Jan. 5 and Sept. 9", "on|Jan.|5|and|Sept.|9"},
		{"Resolution No. 242", "Resolution|No.|242"},
		{"He said no. No.", "He|said|no|.|No|."},
		{"John F. Kennedy", "John|F.|Kennedy"},
		{"so did I. Then", "so|did|I|.|Then"},
		{"in the U.S.", "in|the|U.S."},
		{"the U.S.-Israel deal", "the|U.S.|-|Israel|deal"},
		{"Azerbaijan.The", "Azerbaijan|.|The"},
		// Clitics split; other apostrophes between letters stay.
		{"Azerbaijan’s and Azerbaijan's", "Azerbaijan|’s|and|Azerbaijan|'s"},
		{"the countries’ leaders", "the|countries|’|leaders"},
		{"don't can't won't isn’t", "do|n't|ca|n't|wo|n't|is|n’t"},
		{"we're they've I'll she'd I'm", "we|'re|they|'ve|I|'ll|she|'d|I|'m"},
		{"Sa’ar Sa'ar O'Neill Qur'an Sa‘ar", "Sa’ar|Sa'ar|O'Neill|Qur'an|Sa‘ar"},
		{"Sa’ar’s visit", "Sa’ar|’s|visit"},
		{"the U.S.’s role", "the|U.S.|’s|role"},
		{"1990's", "1990|'s"},
		{"cannot", "can|not"},
		// Hyphens join; en and em dashes split (see Tokenize).
		{"high-level talks", "high-level|talks"},
		{"Azerbaijani–Israeli cooperation", "Azerbaijani|–|Israeli|cooperation"},
		{"BAKU – Israeli", "BAKU|–|Israeli"},
		{"actors—a fact", "actors|—|a|fact"},
		{"the end -- or not", "the|end|--|or|not"},
		{"pre- and post-war", "pre|-|and|post-war"},
		// URLs, e-mail addresses, handles and hashtags.
		{"see https://example.org/a?b=1&c=2.", "see|https://example.org/a?b=1&c=2|."},
		{"(https://en.wikipedia.org/wiki/Baku_(city))", "(|https://en.wikipedia.org/wiki/Baku_(city)|)"},
		{"visit www.gov.az, or", "visit|www.gov.az|,|or"},
		{"mail press.office@mfa.gov.il now", "mail|press.office@mfa.gov.il|now"},
		{"wrote @gidonsaar on #Azerbaijan", "wrote|@gidonsaar|on|#Azerbaijan"},
		{"paulhastings.com and Node.js", "paulhastings.com|and|Node.js"},
		{"AT&T and S&P", "AT&T|and|S&P"},
		// Punctuation.
		{"“There are 20,” he said.", "“|There|are|20|,|”|he|said|."},
		{`"pillars of stability"`, `"|pillars|of|stability|"`},
		{"‘stability’", "‘|stability|’"},
		{"Wait... What?!", "Wait|...|What|?|!"},
		{"Wait… no!!!", "Wait|…|no|!!!"},
		{"(OIC) [1] {x}", "(|OIC|)|[|1|]|{|x|}"},
		{"a;b:c", "a|;|b|:|c"},
		// Unicode words.
		{"Türkiye and Jabbarov’s café naïve", "Türkiye|and|Jabbarov|’s|café|naïve"},
		{"Cafe\u0301 co\u00adoperation", "Cafe\u0301|co\u00adoperation"},
		{"ירושלים 2025 باكو", "ירושלים|2025|باكو"},
		{"a\u200bb \ufeffc", "a|b|c"},
		// Invalid UTF-8 bytes are tokens of one byte.
		{"a\xffb \xc3 \xe2\x80", "a|\xff|b|\xc3|\xe2|\x80"},
		{"", ""},
		{" \n\t ", ""},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		checkTokens(t, tt.in, 0, len(tt.in), toks)
		got := make([]string, len(toks))
		for i, tok := range toks {
			got[i] = tok.Text
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Tokenize(%q)\n got %q\nwant %q", tt.in, g, tt.want)
		}
	}
}

func TestTokenizeSpan(t *testing.T) {
	s := "Sa’ar said. Trade rose by 50%."
	i := strings.Index(s, "Trade")
	toks := TokenizeSpan(s, dyad.Span{Start: i, End: len(s)})
	checkTokens(t, s, i, len(s), toks)
	if len(toks) != 6 || toks[0].Start != i || toks[0].Text != "Trade" || toks[5].Text != "." {
		t.Errorf("TokenizeSpan = %+v", toks)
	}
	// Spans outside s are clipped, not a panic.
	for _, sp := range []dyad.Span{{Start: -5, End: 3}, {Start: 20, End: 1000}, {Start: 10, End: 5}, {Start: 100, End: 200}} {
		lo, hi := max(sp.Start, 0), min(sp.End, len(s))
		checkTokens(t, s, lo, hi, TokenizeSpan(s, sp))
	}
}

// checkTokens checks that toks tokenize s[lo:hi]: texts match offsets,
// tokens are non-empty, ordered, disjoint, inside the span, free of white
// space, and every other byte of the span is in a token.
func checkTokens(t *testing.T, s string, lo, hi int, toks []Token) {
	t.Helper()
	if lo >= hi {
		if len(toks) != 0 {
			t.Fatalf("%q[%d:%d]: tokens in an empty span: %+v", s, lo, hi, toks)
		}
		return
	}
	sub := s[lo:hi]
	covered := make([]bool, len(sub))
	prev := lo
	for _, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > hi {
			t.Fatalf("%q[%d:%d]: bad token %+v after offset %d", s, lo, hi, tok, prev)
		}
		if tok.Text != s[tok.Start:tok.End] {
			t.Fatalf("%q: token %+v: Text != s[Start:End] = %q", s, tok, s[tok.Start:tok.End])
		}
		prev = tok.End
		for i := tok.Start; i < tok.End; i++ {
			covered[i-lo] = true
		}
	}
	for i := 0; i < len(sub); {
		r, n := utf8.DecodeRuneInString(sub[i:])
		if isSpace(r) == covered[i] {
			if covered[i] {
				t.Fatalf("%q: white space %q at %d inside a token", s, r, lo+i)
			}
			t.Fatalf("%q: byte %d (%q) is in no token: %+v", s, lo+i, sub[i:i+n], toks)
		}
		i += n
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		newsText[:600], "U.S.’s", "don't", "$360", "1,200.50", "https://x.org/(a)).",
		"a@b.c", "@x #y", "...", "--", "a\xffb", "No. 5", "’s", "n't", ".5", "cannot",
		"Mr.\u0301", "e.g.", "\u0300", "a\u200d", "www.", "http://", "1,",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, s, 0, len(s), Tokenize(s))
		lo, hi := len(s)/3, len(s)*2/3
		checkTokens(t, s, lo, hi, TokenizeSpan(s, dyad.Span{Start: lo, End: hi}))
	})
}

func BenchmarkTokenize(b *testing.B) {
	b.SetBytes(int64(len(newsText)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(newsText)
	}
}

// newsText is a made-up news story of about 5 KB for fuzz seeds and the
// benchmark.
const newsText = `Ministers pledge closer ties as trade climbs
VALLETTA – Foreign ministers from Malta and Iceland agreed on Tuesday to deepen cooperation in energy, fisheries and digital services, saying trade between the two countries had grown by nearly 40 percent since 2023.
“We have doubled the number of direct flights, and 45,000 Icelandic tourists visited Malta last year. I believe we can go further in 2026,” Iceland’s foreign minister, Dr. Helga Jónsdóttir, told reporters after the talks. Her Maltese counterpart, Mr. Carmelo Vella, said the two governments would sign a memorandum on renewable energy by Sept. 30.
Trade between the two nations reached €212.5 million in 2025, up from €151 million two years earlier, according to figures released by the Malta Chamber of Commerce. Officials expect the total to pass $300 million by 2027, driven by exports of seafood, pharmaceuticals and software.
The meeting in Valletta was the first at ministerial level since 2019. It came as both countries seek new partners amid uncertainty over U.S. trade policy and slowing growth in the E.U. "Small states can't afford to wait for others to set the rules," Vella said. "We're building our own bridges."
Jónsdóttir, who arrived on Monday with a 30-member business delegation, also met Prime Minister Anton Borg and the heads of several companies, including Aquila Holdings Ltd. and NordSea Corp. She described the visit as “a new chapter in a relationship that has always been friendly but rarely ambitious.”
Analysts said the agreement could open doors for Icelandic geothermal firms in southern Europe. “Malta has sun, Iceland has heat under the ground – together they have a story to tell investors,” said Prof. Maria Camilleri of the University of Malta. She noted that Malta’s electricity demand had risen by 3.2% a year over the past decade, while its interconnector to Sicily carries up to 200 MW.
Not everyone was convinced. Opposition lawmaker Joseph Farrugia questioned the cost of the new flights, which are subsidised by the state. “Who pays for these routes? The taxpayer does,” he wrote on X, adding a link to https://example.org/reports/2025-flights.pdf. The transport ministry did not respond to a request for comment sent to press@transport.example.mt.
Under the plan, a joint working group will meet every six months, alternating between Reykjavik and Valletta. Its first task is to study a proposed 1,250-km data cable linking Iceland to southern Europe via Ireland and Portugal, a project estimated at $1.1 billion. Gov. officials from both sides said the group would report by Jan. 15.
The two ministers also discussed the war in Ukraine, migration across the Mediterranean and the situation in the Middle East. Both called for a ceasefire in Gaza and for humanitarian access to be restored. “Our positions are not identical, but they are close,” Jónsdóttir said. “We don't need to agree on everything to work together.”
Fishing remains a sensitive issue. Icelandic trawlers landed 1.3 million tonnes of fish in 2024, and Reykjavik has long resisted quotas set in Brussels. Malta, an E.U. member since 2004, has a small fleet but a large aquaculture sector, with bluefin tuna farms that export mostly to Japan. Officials said they would explore joint ventures in fish processing and cold-chain logistics, and exchange data on stocks in the central Mediterranean.
The agreement drew praise from business groups. The Icelandic Chamber of Commerce called it “a long-overdue step,” while Malta’s Employers’ Association said small firms on both islands stood to gain from simpler rules on digital services. A survey published last month found that 62% of Maltese companies trading with the Nordic countries had faced delays in payments or customs, and that one in five had given up on a contract as a result.
Tourism officials are more cautious. Arrivals from Iceland rose to 45,000 in 2025 from 18,500 in 2022, but the numbers are small compared with the 3.4 million visitors Malta welcomed in total. “It's a niche, but it's a valuable one: Icelanders stay longer and spend more,” said Carmel Grech, who runs a hotel in St. Julian's. He said winter bookings had nearly tripled.
In Reykjavik, the government said the deal fitted a wider strategy of building ties with small and mid-sized European states. Iceland signed similar accords with Estonia and Luxembourg in 2024, and is negotiating one with Ireland. A spokesperson for the foreign ministry, Mr. Gunnar Ólafsson, said on Wednesday that the talks with Dublin were “well advanced” and could conclude before the summer... He declined to give a date.
The ministers are due to meet again in Reykjavik in October. By then, officials hope the first cargo flight between Keflavik and Luqa will have taken off, and that the study on the data cable will be under way. “The question is not whether, but when,” Vella said. “And when is now.”
Reporting by Anna Zammit; editing by Paul Sigurdsson. Contact: @annazammit_news #Malta #Iceland
`

// TestTokenizeLinear guards against rescanning: each of these inputs once
// made some token look ahead to the end of the text.
func TestTokenizeLinear(t *testing.T) {
	for _, p := range []string{"1-", "a_", "a+", "x.", "No. ", "’s ", ")"} {
		s := strings.Repeat(p, 100_000)
		if p == ")" {
			s = "http://(" + s
		}
		start := time.Now()
		Tokenize(s)
		Sentences(s)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%q × 100000 took %v", p, d)
		}
	}
}
