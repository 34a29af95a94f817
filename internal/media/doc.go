// Package media keeps the photos customers send, so staff can see them in a ticket's
// transcript after WeChat has dropped them (it keeps temporary media for 3 days).
//
// An image message carries a MediaId; after the turn that received it (Turns, never in
// the turn's hot path) a background Downloader fetches the file through WeChat's
// /cgi-bin/media/get and stores it in the database (table media, migration 0006_media),
// keyed by the media id. The database rather than files under data_dir, because every
// instance of a deployment shares it: the instance that received the photo need not be
// the one a staff member's browser talks to. Files are capped at MaxBytes and only the
// raster image types browsers show (Allowed, sniffed from the bytes, never trusted from
// the header) are kept, so serving one can never deliver script.
package media
