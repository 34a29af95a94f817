package wxfake

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"net/http"
)

// Media is a temporary media file the fake serves at /cgi-bin/media/get.
type Media struct {
	ContentType string
	Body        []byte
}

// PNG is the small image served for any media id not set with SetMedia.
var PNG = func() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for i := range 16 {
		img.Set(i%4, i/4, color.RGBA{R: 0x20, G: 0x80, B: 0xd0, A: 0xff})
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}()

// SetMedia serves m for mediaID; a zero m makes the id unknown (errcode 40007).
func (s *Server) SetMedia(mediaID string, m Media) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.media == nil {
		s.media = map[string]Media{}
	}
	s.media[mediaID] = m
}

// MediaCalls returns how many media downloads were asked for.
func (s *Server) MediaCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.mediaCalls
}

func (s *Server) serveMedia(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.mediaCalls++
	m, ok := s.media[r.URL.Query().Get("media_id")]
	s.mu.Unlock()
	if !ok {
		m = Media{ContentType: "image/png", Body: PNG}
	}
	if m.Body == nil {
		_ = json.NewEncoder(w).Encode(map[string]any{"errcode": 40007, "errmsg": "invalid media_id"})
		return
	}
	w.Header().Set("Content-Type", m.ContentType)
	_, _ = w.Write(m.Body)
}
