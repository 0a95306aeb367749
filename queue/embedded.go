package queue

import (
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// maxPayload lets a job carry the largest article a source reads (10 MiB)
// with room for its JSON escapes.
const maxPayload = 16 << 20

// RunEmbedded starts a NATS server with JetStream in this process,
// listening on addr (host:port; port 0 picks a free one) and keeping its
// streams under dir. Its ClientURL is where to Dial; Shutdown stops it.
func RunEmbedded(addr, dir string) (*server.Server, error) {
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("queue: embedded server on %q: %w", addr, err)
	}
	port, err := strconv.Atoi(p)
	if err != nil {
		return nil, fmt.Errorf("queue: embedded server on %q: bad port", addr)
	}
	if port == 0 {
		port = server.RANDOM_PORT
	}
	s, err := server.NewServer(&server.Options{
		ServerName: "dyad",
		Host:       host,
		Port:       port,
		JetStream:  true,
		StoreDir:   dir,
		MaxPayload: maxPayload,
		NoSigs:     true,
		NoLog:      true,
	})
	if err != nil {
		return nil, fmt.Errorf("queue: embedded server on %s: %w", addr, err)
	}
	s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		s.Shutdown()
		return nil, fmt.Errorf("queue: embedded server on %s: not ready after 10s", addr)
	}
	return s, nil
}
