package http

import (
	"embed"
	"io/fs"
	"net/http"
)

// dist is the built web UI (see ui/README.md); go build embeds it, so the
// binary serves the UI offline.
//
//go:embed ui/dist
var dist embed.FS

//go:embed openapi.json
var openapi []byte

// uiHandler serves the UI's files.
func uiHandler() http.Handler {
	sub, err := fs.Sub(dist, "ui/dist")
	if err != nil {
		panic(err) // the directory is embedded at build time
	}
	return http.FileServerFS(sub)
}

func serveOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(openapi)
}
