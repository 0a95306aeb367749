package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"dyad/ingest"
	"dyad/sqlite"
)

// helperEnv, when set, makes the test binary a worker process (see
// TestMain) configured by the JSON of a helperJob.
const helperEnv = "DYAD_QUEUE_TEST_WORKER"

type helperJob struct {
	URL    string
	Config Config
	DB     string
	Delay  time.Duration
}

func TestMain(m *testing.M) {
	if job := os.Getenv(helperEnv); job != "" {
		if err := runHelper(job); err != nil {
			fmt.Fprintln(os.Stderr, "helper worker:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runHelper works the queue into a SQLite file until it is killed.
func runHelper(spec string) error {
	var job helperJob
	if err := json.Unmarshal([]byte(spec), &job); err != nil {
		return err
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, job.DB)
	if err != nil {
		return err
	}
	q, err := Dial(ctx, job.URL, job.Config)
	if err != nil {
		return err
	}
	p := &ingest.Pipeline{Analyzer: fakeAnalyzer{delay: job.Delay}, Store: st}
	return q.Work(ctx, Worker{Handle: p.Add})
}

// Workers killed with SIGKILL mid-batch, again and again, then a worker
// that is left to finish: every article is stored exactly once, whole.
func TestKilledWorkersLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills worker processes")
	}
	url, cfg := startServer(t), testConfig(t)
	// Kills redeliver a job; let several kills hit one job without
	// making it a poison article.
	cfg.MaxDeliver = 10
	q := dial(t, url, cfg)
	arts := articles(300)
	publish(t, q, arts)
	db := filepath.Join(t.TempDir(), "dyad.db")
	spec, err := json.Marshal(helperJob{URL: url, Config: cfg, DB: db, Delay: 3 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), helperEnv+"="+string(spec))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	st := openStore(t, db)
	const kills = 5
	for i := range kills {
		cmd := start()
		// Kill once the worker is storing, at a random point of its work.
		before := counts(t, st).Articles
		waitFor(t, 20*time.Second, "the worker to store something", func() bool { return counts(t, st).Articles > before })
		time.Sleep(time.Duration(rand.IntN(100)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		n := counts(t, st).Articles
		if n == len(arts) {
			t.Fatalf("all articles stored by kill %d: the kills did not land mid-batch", i+1)
		}
		t.Logf("kill %d: %d articles stored", i+1, n)
	}
	cmd := start()
	defer func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	}()
	waitFor(t, 60*time.Second, "all articles stored", func() bool { return counts(t, st).Articles == len(arts) })
	waitFor(t, 10*time.Second, "the queue to empty", func() bool {
		s := status(t, q)
		return s.Pending == 0 && s.InFlight == 0
	})
	if s := status(t, q); len(s.Failed) != 0 {
		t.Errorf("failures recorded: %+v", s.Failed)
	}
	checkStored(t, st, arts)
}
