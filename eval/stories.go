package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

// ECBDoc is one document of the ECB+ story gold: Cluster is the gold story
// (topic + "ecb" or "ecbplus": each topic holds two similar but different
// events).
type ECBDoc struct {
	ID      string `json:"id"`
	Topic   string `json:"topic"`
	Cluster string `json:"cluster"`
	Text    string `json:"text"`
}

// ReadECBPlus reads ECB+ JSON Lines, one document a line; name labels
// errors.
func ReadECBPlus(r io.Reader, name string) ([]ECBDoc, error) {
	var docs []ECBDoc
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<24)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var d ECBDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n, err)
		}
		if d.ID == "" || d.Cluster == "" {
			return nil, fmt.Errorf("%s:%d: document without id or cluster", name, n)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no documents", name)
	}
	return docs, nil
}

// Clustering scores predicted clusters against gold ones.
//
// B-cubed (Bagga and Baldwin 1998) scores each document: precision is the
// share of its predicted cluster that shares its gold cluster, recall the
// share of its gold cluster that shares its predicted cluster; both are
// averaged over documents (each document counts itself). Pairwise scores
// the pairs of documents put together: precision is the share of predicted
// pairs that are gold pairs, recall the share of gold pairs predicted; its
// Gold, Pred and Correct count pairs.
type Clustering struct {
	Docs     int `json:"docs"`
	Clusters int `json:"clusters"` // predicted
	Gold     int `json:"gold"`     // gold clusters
	BCubed   PRF `json:"bcubed"`
	Pairwise PRF `json:"pairwise"`
}

// ScoreClustering scores pred against gold; both give a cluster label per
// document, in the same order.
func ScoreClustering(gold, pred []string) (Clustering, error) {
	if len(gold) != len(pred) {
		return Clustering{}, fmt.Errorf("%d gold labels but %d predicted", len(gold), len(pred))
	}
	type pair struct{ g, p string }
	both, inGold, inPred := map[pair]int{}, map[string]int{}, map[string]int{}
	for i := range gold {
		both[pair{gold[i], pred[i]}]++
		inGold[gold[i]]++
		inPred[pred[i]]++
	}
	var p, r float64
	var goldPairs, predPairs, correct int
	for k, n := range both {
		// Each of the n documents in this cell has n documents of its
		// predicted cluster in its gold cluster.
		p += float64(n) * float64(n) / float64(inPred[k.p])
		r += float64(n) * float64(n) / float64(inGold[k.g])
		correct += n * (n - 1) / 2
	}
	for _, n := range inGold {
		goldPairs += n * (n - 1) / 2
	}
	for _, n := range inPred {
		predPairs += n * (n - 1) / 2
	}
	c := Clustering{Docs: len(gold), Clusters: len(inPred), Gold: len(inGold),
		Pairwise: NewPRF(goldPairs, predPairs, correct)}
	if n := float64(len(gold)); n > 0 {
		c.BCubed = PRF{Precision: p / n, Recall: r / n, Gold: len(gold), Pred: len(gold)}
		if s := c.BCubed.Precision + c.BCubed.Recall; s > 0 {
			c.BCubed.F1 = 2 * c.BCubed.Precision * c.BCubed.Recall / s
		}
	}
	return c, nil
}
