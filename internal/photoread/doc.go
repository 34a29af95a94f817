// Package photoread reads what a customer's photo says: the barcodes and QR codes of a
// serial sticker or nameplate (gozxing, pure Go) and the printed text of a nameplate, an
// order screenshot or an invoice (Debian's Tesseract, run as a separate process).
//
// A Reader turns image bytes into a bot.PhotoText — the codes and the text lines, nothing
// interpreted; the bot reads the facts out of them with the knowledge base's brand and
// model patterns (bot.ReadPhoto), so what a photo means follows the published knowledge.
//
// Every read is bounded: the file's size and its pixels are checked before it is decoded,
// OCR runs in a tesseract process killed at a timeout, and a semaphore caps how many OCR
// processes run at once on an instance. Without tesseract installed the Reader still
// decodes barcodes (Reader.OCR reports which).
//
// A Worker ties it to the conversation: after the media downloader has stored a photo it
// reads it and feeds the result into the customer's conversation as a bot.KindPhoto
// message (bot.Service.Feed), keyed by the media id, so the conversation's lock and
// exactly-once claim apply as for a message the customer sent, on whichever instance.
package photoread
