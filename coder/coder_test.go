package coder_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"dyad"
	"dyad/coder"
	"dyad/extract"
	"dyad/lexicon"
)

var lex = lexicon.Default()

// code analyzes and codes text published on Tuesday 27 January 2026.
func code(t *testing.T, text string) *dyad.Analysis {
	t.Helper()
	return codeArticle(t, dyad.Article{ID: "test", Text: text,
		Published: time.Date(2026, 1, 27, 0, 0, 0, 0, time.UTC)})
}

// codeArticle analyzes and codes art with an analyzer that knows nobody
// yet.
func codeArticle(t *testing.T, art dyad.Article) *dyad.Analysis {
	t.Helper()
	an, err := extract.New(lex).Analyze(art)
	if err != nil {
		t.Fatal(err)
	}
	if err := coder.New(lex).Code(an); err != nil {
		t.Fatal(err)
	}
	if err := an.CheckSpans(); err != nil {
		t.Fatal(err)
	}
	return an
}

// brief writes an event as "SRC>TGT code" with source and target
// countries, for comparison.
func brief(e dyad.Event) string {
	return fmt.Sprintf("%s>%s %s", e.Source.Country, e.Target.Country, e.CAMEO)
}

func briefs(evs []dyad.Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = brief(e)
	}
	slices.Sort(out)
	return out
}

// TestRules gives one sentence for each coding rule. want lists the events
// as "SRC>TGT code", where a code ending in "*" matches any code with that
// prefix.
func TestRules(t *testing.T) {
	tests := []struct {
		rule, text string
		want       []string
	}{
		{"subject and object", "Kenya criticized Uganda.", []string{"KEN>UGA 11*"}},
		{"a name the tagger has not seen opens the sentence", "Denmark today criticized Norway.", []string{"DNK>NOR 11*"}},
		{"compound subject", "Kenya and Tanzania condemned Uganda.", []string{"KEN>UGA 11*", "TZA>UGA 11*"}},
		{"oblique target", "Kenya's president met with Uganda's president.", []string{"KEN>UGA 04*"}},
		{"passive", "Uganda was criticized by Kenya.", []string{"KEN>UGA 11*"}},
		{"negation", "Kenya did not criticize Uganda.", nil},
		{"negated acceptance", "Kenya will not accept Ugandan troops.", []string{"KEN>UGA 12*"}},
		{"future", "Kenya will visit Uganda next week.", []string{"KEN>UGA 036"}},
		{"intention", "Kenya plans to visit Uganda.", []string{"KEN>UGA 036"}},
		{"threat, to-infinitive parsed as purpose", "A Kenyan minister threatened today to impose import restrictions against Ugandan goods.", []string{"KEN>UGA 13*"}},
		{"intention, its verb tagged a noun", "Greece, like most other existing members, plans to impose restrictions on Albanian goods.", []string{"GRC>ALB 13*"}},
		{"demand of the clause's subject", "Kenya on Tuesday demanded that the Ugandan government cancel its plans.", []string{"KEN>UGA 10*"}},
		{"intention by an adjective", "Kenya says it is willing to withdraw its troops from Uganda.", []string{"KEN>UGA 035"}},
		{"a strike called off", "Kenyan teachers called off their strike after talks with the government on Monday.", []string{"KEN>KEN 082"}},
		{"demands accepted", "The Kenyan government on Thursday accepted demands from Ugandan rebels.", []string{"KEN>UGA 080"}},
		{"an appeal dismissed", "Kenyan rebels dismissed an appeal from the Kenyan government to lay down their arms.", []string{"KEN>KEN 120"}},
		{"sworn to fight", "Ugandan rebels have sworn to fight Kenyan troops.", []string{"UGA>KEN 138"}},
		{"a main verb the parser left without a subject", "Amina Odhiambo, Kenya's leading human rights activist, staged a hunger strike in prison on Sunday in protest against abuses by Kenyan security forces, her lawyer said.", []string{"KEN>KEN 14*"}},
		{"a head of state introduced as leader", "Kenyan leader John Mwangi and Ugandan President Amos Okello today signed a treaty of friendship.", []string{"KEN>UGA 05*", "UGA>KEN 05*"}},
		{"martial law at home", "The Kenyan government said it is prepared to impose martial law.", []string{"KEN>KEN 137"}},
		{"a curfew lifted at home", "The Kenyan government lifted the curfew on Sunday.", []string{"KEN>KEN 0813"}},
		{"forces strengthened", "Kenya has strengthened its forces in Uganda.", []string{"KEN>UGA 154"}},
		{"supplies reduced", "Kenya on Tuesday reduced food supplies to Uganda.", []string{"KEN>UGA 162"}},
		{"coordinated demonyms", "Kenyan and Ugandan troops shelled Somali positions on Monday.", []string{"KEN>SOM 19*", "UGA>SOM 19*"}},
		{"joint exercises agreed", "Kenya and Uganda have agreed to undertake joint military exercises this month.", []string{"KEN>UGA 030", "KEN>UGA 0312", "UGA>KEN 030", "UGA>KEN 0312"}},
		{"forces led by a state", "Kenyan-led forces shelled Somali positions on Monday.", []string{"KEN>SOM 19*"}},
		{"a passive subject on a verb with an object", "The Kenyan army forced out on Wednesday more than 1,000 Somali refugees from their homes in a border camp, residents said.", []string{"KEN>SOM 162"}},
		{"the pattern nearest the verb", "Kenyan forces launched rocket fire against Somali camps near the Ugandan border today.", []string{"KEN>SOM 19*"}},
		{"the actor nearest the phrase's head", "Kenya has agreed to Ugandan mediation in the talks with the Somali government.", []string{"KEN>UGA 030"}},
		{"an organization's troops", "Hundreds of UN troops withdrew from Somalia on Monday.", []string{">SOM 087*"}},
		{"a people of the state they live in", "The Somalis of northern Kenya are demanding autonomy from the Kenyan government.", []string{"KEN>KEN 10*"}},
		{"a verb after a modal the tagger took for a noun", "A senior Kenyan minister reiterated that Uganda must hand over the alleged bombers.", []string{"KEN>UGA 10*"}},
		{"a participle before a title", "Ousted Kenyan President John Mwangi has agreed to visit Uganda.", []string{"KEN>UGA 036"}},
		{"a participle after an article before a title", "The newly appointed Kenyan Prime Minister John Mwangi has refused to meet Ugandan officials.", []string{"KEN>UGA 125"}},
		{"a bare weekday is no subject", "Kenyan lawmakers Tuesday endorsed an association agreement with the European Union, making a decisive turn in favor of closer relations with Western neighbors in spite of the conflict.", []string{"KEN> 057"}},
		// (EU leaders' endorsement is aimed at no one named.)
		{"no subject guessed from a modifier", "BRUSSELS – A tariff on Chinese electric buses, endorsed by EU leaders on Thursday, will protect a handful of manufacturers.", []string{"> 051"}},
		{"a complaint about one actor addressed to another", "Kenya complained to the United Nations on Tuesday over Ugandan air raids.", []string{"KEN>UGA 11*"}},
		{"a complaint addressed to an actor", "Kenya complained to Uganda on Tuesday.", []string{"KEN>UGA 11*"}},
		{"a participle as a preposition is no doer's verb", "Kenya offered to negotiate with the president of Uganda following the invasion of Somalia.", []string{"KEN>UGA 03*"}},
		{"a noun beside a person's name names them", "Kenya's president described his rival Amos Okello as a Ugandan official.", []string{"KEN> 010"}},
		{"a ceasefire overseen is none declared", "Kenya has agreed to admit UN peacekeepers, who are deployed to oversee a ceasefire between Somalia and Ethiopia.", []string{"KEN> 03*"}},
		{"a reporter the parser hung a verb of saying from", "Kenya and Uganda have agreed to undertake joint military exercises this month, a Kenyan official confirmed.", []string{"KEN>UGA 030", "KEN>UGA 0312", "UGA>KEN 030", "UGA>KEN 0312"}},
		{"an act condemned is its doer's", "Kenya condemned attacks by Ugandan rebels on Somali villages.", []string{"KEN>UGA 11*"}},
		{"an act investigated is its doer's", "Kenya is investigating alleged war crimes by Ugandan soldiers against Somali civilians.", []string{"KEN>UGA 09*"}},
		{"an agreement to an act that is no intent", "The Kenyan opposition agreed to postpone the demonstration in Nairobi until Friday.", []string{"KEN>KEN 030", "KEN>KEN 120"}},
		{"a commitment reneged on", "Kenya has reneged on its commitment to Ugandan refugees.", []string{"KEN>UGA 120"}},
		{"a relative clause in the present describes", "Kenya condemned the Ugandan militia that controls Somali villages for its support of rebels.", []string{"KEN>UGA 11*"}},
		{"expertise shared", "Kenya has been sharing expertise with Uganda.", []string{"KEN>UGA 064", "UGA>KEN 064"}},
		{"what a demanded admission would say", "Kenya's parliament has demanded an admission by Uganda that Ugandan troops killed Kenyan herders.", []string{"KEN>UGA 10*"}},
		{"a bomb no one is named for", "A car bomb explosion near Mogadishu killed two Somali youths on Sunday.", []string{"SOM>SOM 19*"}},
		{"a sector word after a name the lexicon lacks", "The Kenyan government on Thursday accepted demands from Pokot rebels that it release prisoners.", []string{"KEN>KEN 08*"}},
		{"the sources that close the sentence are no target", "Kenyan troops shelled Somali rebel camps near the border today, killing or wounding 50, Ugandan military sources said.", []string{"KEN>SOM 19*"}},
		{"emergency measures eased at the place named", "Kenya eased emergency measures on Wednesday in Somalia's Gedo province.", []string{"KEN>SOM 0814"}},
		{"a demonstration prevented is none held", "Kenyan police prevented a demonstration by students in Nairobi on Monday.", []string{"KEN>KEN 12*"}},
		{"the place of the closing sources is none of the act's", "Ugandan rebels shelled the town of Gulu on Sunday, killing about 20 people, relief officials in Nairobi said.", []string{"UGA>UGA 19*"}},
		{"a lone act by a verb with a code of its own", "Kenyan Prime Minister John Mwangi has agreed to resign.", []string{"KEN> 035"}},
		{"no subject guessed for a subject that names no actor", "NAIROBI – Three agreements signed by Kenya and Uganda in Nairobi on Monday contain few binding commitments and no public funding figures, opposition lawmakers said.", nil},
		{"a mutual act of a compound subject", "At least 12 people were killed when Kenyan troops and Ugandan soldiers exchanged fire near the northern Kenyan town of Moyale on Thursday, officials said.", []string{"KEN>UGA 193", "UGA>KEN 193"}},
		{"a verb after a modal the tagger took for an adjective", "Kenya said it would free 150 Ugandan prisoners next week.", []string{"KEN>UGA 035"}},
		{"transport blocked", "Ugandan rebels on Tuesday blocked transport into Kampala.", []string{"UGA>UGA 144"}},
		{"beaten up", "Kenyan soldiers routinely beat up Somali detainees with the knowledge of senior officers.", []string{"KEN>SOM 182"}},
		{"part of a place captured", "Kenyan troops have captured part of a Somali rebel stronghold near the border.", []string{"KEN>SOM 192"}},
		{"a permission withheld is a refusal; what it would serve is no event", "Kenya said it would not give permission to Uganda to help Somalia.", []string{"KEN>UGA 12*"}},
		{"a people between a demonym and a sector word", "Kenya will allow up to 13,000 Kenyan Maasai refugees who have lived in Uganda for more than a decade to return home.", []string{"KEN>KEN 035"}},
		{"the European Community", "European Community foreign ministers demanded the withdrawal of Ugandan forces from Kenya on Monday.", []string{">UGA 10*"}},
		{"a hedge before a noun", "Kenya extradited suspected Ugandan rebel leader Joseph Okello to Uganda on Sunday, a senior Kenyan government official said.", []string{"KEN>UGA 063"}},
		{"an event measured out", "Kenyan and Ugandan warships on Monday launched 10 days of war games in the Mediterranean Sea.", []string{"KEN>UGA 062", "UGA>KEN 062"}},
		{"modifiers joined side by side", "U.S. and Kenyan negotiators return to Geneva this week for talk on limiting the number of missiles.", []string{"KEN>USA 040", "USA>KEN 040"}},
		{"a place retaken", "Kenyan forces have retaken a strategic village in southern Somalia.", []string{"KEN>SOM 192"}},
		{"an obligation is asked for, not done", "Kenya said Ugandan forces must ensure security to allow aid to reach Somalia.", []string{"KEN>UGA 10*"}},
		{"what is urged is asked for, not done", "Kenya urged Uganda to support Somalia.", []string{"KEN>UGA 020"}},
		{"a demand reported by a speaker the parser left without a subject", "The Red Cross operating in Somalia said Kenyan and Ugandan forces must ensure security to allow supplies to reach the needy.", []string{">KEN 10*", ">UGA 10*"}},
		{"what an appeal is for is asked for, not done", "Kenya rejected a Ugandan appeal for deploying troops along its border with Somalia.", []string{"KEN>UGA 12*"}},
		{"what pressure is for is asked for, not done", "Kenya faces pressure from Uganda to help Somalia.", []string{"UGA>KEN 10*"}},
		{"what is demanded is asked for, not done", "Kenya demanded Ugandan rebels to allow aid workers into Somalia.", []string{"KEN>UGA 10*"}},
		{"an offer to negotiate is one side's", "Kenya offered to negotiate with the president of Uganda.", []string{"KEN>UGA 03*"}},
		{"a person titled by a sector word", "Kenyan police arrested Ugandan militant Joseph Okello in Nairobi on Friday.", []string{"KEN>UGA 173"}},
		{"a trade between a demonym and a sector word; a bridge blocked", "Kenyan paper workers blocked the bridge from Kenya to Uganda for three hours.", []string{"KEN>KEN 144", "KEN>UGA 144"}},
		{"a treaty ratified", "Kenya ratified a trade agreement with Uganda on Tuesday.", []string{"KEN>UGA 057"}},
		{"the means shares its verb's mood", "Kenya and Uganda are seeking to deepen their partnership by promoting trade with Tanzania.", []string{"KEN>UGA 031", "UGA>KEN 031", "KEN>TZA 03*", "UGA>TZA 03*"}},
		{"a conjunct shares its verb's mood", "Kenya threatened to cut aid to Uganda and impose sanctions on Tanzania.", []string{"KEN>UGA 13*", "KEN>TZA 13*"}},
		{"a conjunct of a denied verb is denied", "Kenya did not visit Uganda or meet Tanzania.", nil},
		{"a contrasted conjunct is not", "Kenya did not visit Uganda but met Tanzania.", []string{"KEN>TZA 04*"}},
		{"a conjunct of a demanded act is demanded", "Kenya demanded that Uganda withdraw its troops and pay compensation to Tanzania.", []string{"KEN>UGA 10*"}},
		{"inspectors expelled", "Uganda expelled inspectors of the International Atomic Energy Agency on Monday.", []string{"UGA> 1662"}},
		{"a statement says what its issuer says", "Ugandan rebels issued a declaration demanding that the Kenyan government release their leader.", []string{"UGA>KEN 10*"}},
		{"demanding is no appeal", "Kenyan officials demanded support from the Ugandan parliament.", []string{"KEN>UGA 102"}},
		{"a ban violated", "Kenyan rebels violated a ban imposed by the Kenyan government.", []string{"KEN>KEN 128"}},
		{"a conditional offer is an intent, and its condition no event", "Kenya will meet Uganda if Tanzania sends troops to Somalia.", []string{"KEN>UGA 036"}},
		{"a conditional threat is a threat", "Kenya will attack Uganda if it sends troops to Somalia.", []string{"KEN>UGA 13*"}},
		{"\"as\" before a clause is a conjunction", "The release of the envoy came as Kenya announced it would free over 150 Ugandan prisoners.", []string{"KEN>UGA 035"}},
		{"and its past participle a past tense", "The visit came as the Kenyan leader prepared to attend the Kampala summit.", []string{"KEN>UGA 036"}},
		{"a preposition of place before a name opens no clause", "Kenyan activists staged a protest in Beijing on Wednesday, scaling a pole and unfurling banners.", []string{"KEN>CHN 141"}},
		{"raising", "Kenya is expected to visit Uganda.", []string{"KEN>UGA 036"}},
		{"no agent: the state where it was done", "Ten Kenyan soldiers were killed in Somalia today.", []string{"SOM>KEN 19*"}},
		{"killed in someone's act of force", "Three Ugandan soldiers were killed in a Kenyan air strike on Monday.", []string{"KEN>UGA 19*"}},
		{"people no one names are of the state where it was done", "Four children were killed in a Kenyan air strike in southern Somalia on Friday.", []string{"KEN>SOM 19*"}},
		{"a relative clause with its own subject is active", "Kenya, which has acted as a go-between for Uganda in the past, offered to host talks in Nairobi, its foreign ministry said.", []string{"KEN>UGA 045"}},
		{"a participle is passive", "There were ten Kenyan soldiers killed in Somalia today.", []string{"SOM>KEN 19*"}},
		{"a past tense that must have an object is a participle", "Kenya freed the mayor of Garissa, a member of the Islamist Shabaab movement jailed over a year ago, Somali officials said.", nil},
		{"what one is arrested for is a charge, not an event", "Kenyan police arrested two Ugandans for helping rebels in Somalia.", []string{"KEN>UGA 173"}},
		{"who is thanked for something did it", "Kenya thanked Uganda for helping Somalia.", []string{"KEN>UGA 05*", "UGA>SOM 07*"}},
		{"a nominal event undergone", "A Kenyan national has been put under investigation in Uganda.", []string{"UGA>KEN 09*"}},
		{"raising in the passive", "Uganda is expected to be visited by Kenya's president next week.", []string{"KEN>UGA 036"}},
		{"nominal with possessor", "Kenya's visit to Uganda ended on Monday.", []string{"KEN>UGA 042"}},
		{"talks are mutual", "Kenya held talks with Uganda.", []string{"KEN>UGA 04*", "UGA>KEN 04*"}},
		{"nominal after a verb", "Kenya's president had a long meeting with Uganda's president.", []string{"KEN>UGA 04*", "UGA>KEN 04*"}},
		{"sanctions on", "Kenya imposed sanctions on Uganda.", []string{"KEN>UGA 163"}},
		{"reported speech", "Kenya said Uganda had attacked Tanzania.", []string{"UGA>TZA 19*"}},
		{"who is accused is the subject of what is alleged", "Kenya claimed that Uganda had attacked Tanzania.", []string{"KEN>UGA 11*", "UGA>TZA 19*"}},
		{"reciprocal", "Kenya and Uganda signed an agreement.", []string{"KEN>UGA 05*", "UGA>KEN 05*"}},
		{"noun-rooted parse", "Kenyan forces killed three Ugandans near the border.", []string{"KEN>UGA 19*"}},
		{"participle with an object", "Ugandan troops shelling Kenyan positions were seen on Sunday.", []string{"UGA>KEN 19*"}},
		{"noun-rooted parse, compound", "Kenyan troops and Ugandan troops shelled positions in Somalia.", []string{"KEN>SOM 19*", "UGA>SOM 19*"}},
		{"conflict by a compound subject", "Kenya and Uganda protested in Tanzania on Wednesday.", []string{"KEN>TZA 14*", "UGA>TZA 14*"}},
		{"an ethnic group in its host state", "Kenyan police arrested two ethnic Somalis in Nairobi.", []string{"KEN>KEN 17*"}},
		{"an ethnic group's fighters in their host state", "Kenyan troops attacked ethnic Somali militias in northern Kenya.", []string{"KEN>KEN 19*"}},
		{"a people of a state", "Thousands of Ugandan Acholis demonstrated in Kampala on Sunday.", []string{"UGA>UGA 141"}},
		{"compound nominal", "A hunger strike by Ugandan prisoners against Kenya entered its third day.", []string{"UGA>KEN 142"}},
		{"an act aimed at no one named, in a sentence that codes nothing else", "Kenya declared a ceasefire on Sunday.", []string{"KEN> 0871"}},
		{"but not beside an event with a target", "Kenya declared a ceasefire on Sunday, while Uganda criticized Tanzania.", []string{"UGA>TZA 11*"}},
		{"a protest's demand is the protest", "Kenyan students began a hunger strike to demand the resignation of the Kenyan president.", []string{"KEN>KEN 142"}},
		{"a compound's head names the thing", "Kenya will withdraw weapons inspectors from Uganda.", []string{"KEN>UGA 131"}},
		{"coordinated targets lower in the phrase", "Kenya has threatened to deliver devastating blows to Uganda and Tanzania.", []string{"KEN>UGA 13*", "KEN>TZA 13*"}},
		{"coordinated demonyms of the object", "Kenyan police have tortured scores of Ugandan and Somali refugees.", []string{"KEN>UGA 18*", "KEN>SOM 18*"}},
		{"force no one is named for, at a place", "A roadside bombing near Mogadishu killed two Kenyan soldiers on Sunday.", []string{"SOM>KEN 19*"}},
		{"but the force's user if named", "Israeli shelling near Gaza killed two Palestinian children.", []string{"ISR>PSE 19*"}},
		{"a participle coordinated with a past tense is one", "Doctors from two Kenyan aid groups donated and personally delivered $50,000 worth of goods to a hospital in Mogadishu.", []string{"KEN>SOM 07*"}},
		{"no attack on the attackers' own state beside one on another", "Kenyan rebels attacked a market in Kampala on Sunday, killing 23 people.", []string{"KEN>UGA 19*"}},
		{"a name within a longer one", "Kenya met the Palestine Liberation Organization on Monday.", []string{"KEN>PSE 04*"}},
		{"who reports is no target", "Kenya has threatened to stop negotiations to reduce tariffs, the Washington Post reported today.", nil},
		{"who is threatened is the condition's subject", "Kenya has threatened to stop negotiations to reduce tariffs if Uganda goes ahead with the plan.", []string{"KEN>UGA 13*"}},
		{"her trip is hers, not her host's", "Kenyan Foreign Minister Amina Odhiambo, on her first official trip to Uganda, was received by President Amos Okello.", []string{"KEN>UGA 042", "UGA>KEN 043"}},
		{"a passive's subject matches the patterns of its object", "Kenyan Foreign Minister Amina Odhiambo was received by Ugandan President Amos Okello.", []string{"UGA>KEN 043"}},
		{"a policy defended in words", "Kenya's trade minister defended the move on Thursday.", []string{"KEN> 052"}},
		{"a trade protected is no event", "Kenya said it would take all necessary measures to protect its companies.", nil},
		{"a coordinated clause's words are not the verb's", "Kenya had built a broad coalition with Uganda, and the investigation had confirmed the scale of Somali state support.", nil},
		{"no target from a coordinated clause", "Kenya offered on Sunday to host a meeting in Nairobi, and diplomats said Tanzania, Uganda's closest ally, had been briefed by Kampala.", []string{"TZA>UGA 010", "UGA>TZA 010"}},
		{"the reporter's own forces", "Kenyan officials said on Tuesday their forces had completed their withdrawal from Somalia.", []string{"KEN>SOM 087*"}},
		{"praise", "Kenya's president described Uganda's president as “a wise and visionary leader”.", []string{"KEN>UGA 051"}},
	}
	for _, tt := range tests {
		an := code(t, tt.text)
		got := briefs(an.Events)
		if !matchAll(got, tt.want) {
			t.Errorf("%s: %q\n got %v\nwant %v", tt.rule, tt.text, got, tt.want)
		}
	}
}

func matchAll(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	want = slices.Clone(want)
	slices.Sort(want)
	for i, w := range want {
		if p, ok := strings.CutSuffix(w, "*"); ok {
			if !strings.HasPrefix(got[i], p) {
				return false
			}
		} else if got[i] != w {
			return false
		}
	}
	return true
}

// TestFields checks what an event carries: date from the sentence, else
// the lead, else publication; location from the sentence or the dateline;
// evidence; the CAMEO and PLOVER tables; one event for one fact told
// twice.
// TestPLOVER checks acts the PLOVER manual codes otherwise than the
// CAMEO→PLOVER table would code their CAMEO code (resigning, lifting a
// curfew, sanctions), and one it codes alike.
func TestPLOVER(t *testing.T) {
	tests := []struct{ text, cameo, plover string }{
		{"Kenyan Prime Minister John Mwangi resigned on Tuesday.", "0831", "RETREAT"},
		{"Kenyan Prime Minister John Mwangi has agreed to resign.", "035", "AGREE"},
		{"The Kenyan government accepted demands from Ugandan rebels.", "080", "CONCEDE"},
		{"The Kenyan government lifted the curfew on Sunday.", "0813", "CONCEDE"},
		{"Kenya imposed sanctions on Uganda on Monday.", "163", "SANCTION"},
	}
	for _, tt := range tests {
		evs := code(t, tt.text).Events
		if len(evs) != 1 || evs[0].CAMEO != tt.cameo || evs[0].PLOVER.Type != tt.plover {
			var got []string
			for _, e := range evs {
				got = append(got, e.CAMEO+" "+e.PLOVER.Type)
			}
			t.Errorf("%q: got %v, want %s %s", tt.text, got, tt.cameo, tt.plover)
		}
	}
}

func TestFields(t *testing.T) {
	an := code(t, "KAMPALA – Kenya's president met Uganda's president on Monday. "+
		"The two sides discussed trade. Kenya's president met Uganda's president again, officials said. "+
		"On 3 March 2025 Kenya criticized Uganda in Nairobi.")
	var meet, crit *dyad.Event
	for i := range an.Events {
		switch e := &an.Events[i]; e.Root {
		case "04":
			meet = e
		case "11":
			crit = e
		}
	}
	if meet == nil || crit == nil {
		t.Fatalf("events %v: want a meeting and a criticism", briefs(an.Events))
	}
	if meet.Date != "2026-01-26" || meet.Location != "KAMPALA" || meet.Mentions != 2 {
		t.Errorf("meeting dated %s at %q, %d mentions: want 2026-01-26 at KAMPALA, 2 mentions", meet.Date, meet.Location, meet.Mentions)
	}
	if !strings.HasPrefix(meet.Evidence, "KAMPALA – Kenya's president met") || meet.Quad != 1 || meet.PLOVER.Type != "CONSULT" {
		t.Errorf("meeting %+v", *meet)
	}
	if crit.Date != "2025-03-03" || crit.Location != "Nairobi" || crit.Quad != 3 || crit.Goldstein >= 0 {
		t.Errorf("criticism %+v", *crit)
	}
	if meet.Coder != coder.Version || meet.Dict != lex.Hash() || meet.Source.Code != "KENGOV" {
		t.Errorf("meeting provenance %+v", *meet)
	}
}
