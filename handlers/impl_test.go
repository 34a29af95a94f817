package handlers_test

import (
	"github.com/wxintake/intake/handlers"
	"github.com/wxintake/intake/internal/livechat"
	"github.com/wxintake/intake/internal/media"
	"github.com/wxintake/intake/internal/photoread"
)

// The lower packages export concrete types; the web layer declares what it consumes.
// These assertions keep them fitting together without the lower packages importing
// handlers.
var (
	_ handlers.ChatControl = (*livechat.Chat)(nil)
	_ handlers.ChatRetrier = (*livechat.Chat)(nil)
	_ handlers.TurnHandler = media.Turns{}
	_ handlers.TurnHandler = photoread.Turns{}
)
