package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
)

// The in-process Redis of embedded mode keeps everything in memory. So that a restart
// does not lose conversations, message claims (a retried message would be processed
// twice), takeovers, login lockouts and the ticket spool, its keys are saved to
// data_dir/redis-snapshot.json: every Redis.SnapshotInterval, and at shutdown after the
// last turn finished. The next start restores them before it serves.
//
// The snapshot is taken by one Lua script, which the in-process Redis runs atomically:
// it is consistent across keys (a conversation and the record of the message that changed
// it are saved together). Each key keeps its type, its value and its remaining time to
// live; the time the service was down counts against it, as it would on a Redis server
// that kept running: a key whose expiry fell in the downtime is not restored.
//
// Saved: strings, hashes, lists, sets, sorted sets and stream entries, in DB 0 (the only
// one the service uses). Not saved: pub/sub (nothing to keep), stream consumer groups,
// per-field hash expiries, HyperLogLogs, and scripts (the service loads its own again).

// SnapshotFile is the in-process Redis's snapshot, in the data directory.
const SnapshotFile = "redis-snapshot.json"

// DefaultSnapshotInterval is how often the snapshot is saved unless configured.
const DefaultSnapshotInterval = 30 * time.Second

// snapshotVersion is the format of the snapshot file.
const snapshotVersion = 1

type snapshotDoc struct {
	Version int           `json:"version"`
	SavedAt time.Time     `json:"saved_at"`
	Keys    []snapshotKey `json:"keys"`
	Skipped int           `json:"skipped,omitempty"` // keys of types not saved
}

// snapshotKey is one key. Keys and values are []byte, base64 in the file: they may be
// any bytes.
type snapshotKey struct {
	Key  []byte `json:"key"`
	Type string `json:"type"`
	// TTLMillis is the time to live left when the snapshot was taken; 0: no expiry.
	TTLMillis int64 `json:"ttl_ms,omitempty"`
	// Values: a string's value; a list's items in order; a set's members; a hash's
	// fields and values alternating; a sorted set's members (Scores are theirs).
	Values  [][]byte         `json:"values,omitempty"`
	Scores  []string         `json:"scores,omitempty"`
	Entries []snapshotStream `json:"entries,omitempty"`
}

type snapshotStream struct {
	ID     string   `json:"id"`
	Fields [][]byte `json:"fields"` // field, value, field, value…
}

// snapshotScript returns, for every key of the selected DB, {key, type, pttl, values}.
var snapshotScript = redis.NewScript(`
local out = {}
for _, k in ipairs(redis.call('KEYS', '*')) do
  local t = redis.call('TYPE', k)['ok']
  local v = {}
  if t == 'string' then v = {redis.call('GET', k)}
  elseif t == 'hash' then v = redis.call('HGETALL', k)
  elseif t == 'list' then v = redis.call('LRANGE', k, 0, -1)
  elseif t == 'set' then v = redis.call('SMEMBERS', k)
  elseif t == 'zset' then v = redis.call('ZRANGE', k, 0, -1, 'WITHSCORES')
  elseif t == 'stream' then v = redis.call('XRANGE', k, '-', '+')
  end
  out[#out + 1] = {k, t, redis.call('PTTL', k), v}
end
return out
`)

// snapshotter saves the in-process Redis to its file.
type snapshotter struct {
	path  string
	rdb   redis.UniversalClient
	mu    sync.Mutex // one save at a time
	stop  func()
	saved int // keys in the last save, for the log
}

// startEmbeddedRedis starts the in-process Redis on loopback, behind a password generated
// for this run, with the keys of the snapshot in the data directory.
func (a *App) startEmbeddedRedis() error {
	pw, err := randomPassword()
	if err != nil {
		return fmt.Errorf("embedded redis password: %w", err)
	}
	a.mini = miniredis.NewMiniRedis()
	a.mini.RequireAuth(pw) // before it listens: no connection ever gets in without it
	if err := a.mini.StartAddr("127.0.0.1:0"); err != nil {
		return fmt.Errorf("embedded redis: %w", err)
	}
	a.Redis = redis.NewClient(&redis.Options{Addr: a.mini.Addr(), Password: pw, Protocol: redisProtocol})

	path := filepath.Join(a.Cfg.DataDir, SnapshotFile)
	n, err := restoreSnapshot(a.mini, path, time.Now())
	switch {
	case errors.Is(err, os.ErrNotExist):
		a.Log.Info("embedded redis: no snapshot to restore; starting empty", "path", path)
	case err != nil:
		a.mini.FlushAll() // nothing half-restored
		// Keep the unreadable file for inspection, out of the way of the next save.
		aside := path + ".unreadable-" + time.Now().UTC().Format("20060102T150405Z")
		if rerr := os.Rename(path, aside); rerr != nil {
			return fmt.Errorf("embedded redis: snapshot %s: %v; cannot set it aside: %w", path, err, rerr)
		}
		a.Log.Error("embedded redis: snapshot unreadable; set aside, starting empty", "err", err, "path", aside)
	default:
		a.Log.Info("embedded redis: snapshot restored", "keys", n, "path", path)
	}
	a.stopClock = runClock(a.mini)
	a.snap = &snapshotter{path: path, rdb: a.Redis}
	a.snap.stop = a.snap.run(a.Cfg.Redis.SnapshotInterval, a.Log.Error)
	return nil
}

// randomPassword is 32 random bytes in hex.
func randomPassword() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// run saves every interval until stopped.
func (s *snapshotter) run(interval time.Duration, logError func(msg string, args ...any)) (stop func()) {
	if interval <= 0 {
		interval = DefaultSnapshotInterval // a configuration not from config.Load
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				ctx, cancel := context.WithTimeout(context.Background(), interval+10*time.Second)
				if err := s.save(ctx); err != nil {
					logError("embedded redis: periodic snapshot failed", "err", err, "path", s.path)
				}
				cancel()
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// save writes the snapshot: to a temporary file in the same directory, then renamed over
// the previous one, so that a crash mid-write leaves the previous snapshot whole.
func (s *snapshotter) save(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	doc, err := takeSnapshot(ctx, s.rdb, time.Now())
	if err != nil {
		return err
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(s.path, b); err != nil {
		return err
	}
	s.saved = len(doc.Keys)
	return nil
}

func writeFileAtomic(path string, b []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(0o600); err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		_ = d.Sync() // make the rename itself durable; not every file system can
		_ = d.Close()
	}
	return nil
}

// takeSnapshot reads every key, atomically, through rdb.
func takeSnapshot(ctx context.Context, rdb redis.UniversalClient, now time.Time) (*snapshotDoc, error) {
	res, err := snapshotScript.Run(ctx, rdb, nil).Slice()
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	doc := &snapshotDoc{Version: snapshotVersion, SavedAt: now, Keys: make([]snapshotKey, 0, len(res))}
	for _, r := range res {
		item, ok := r.([]any)
		if !ok || len(item) != 4 {
			return nil, fmt.Errorf("snapshot: unexpected reply %v", r)
		}
		name, _ := item[0].(string)
		typ, _ := item[1].(string)
		pttl, _ := item[2].(int64)
		vals, _ := item[3].([]any)
		if pttl == -2 || pttl == 0 {
			continue // gone, or expiring now
		}
		k := snapshotKey{Key: []byte(name), Type: typ}
		if pttl > 0 {
			k.TTLMillis = pttl
		}
		switch typ {
		case "string", "hash", "list", "set":
			k.Values = toBytes(vals)
		case "zset":
			for i := 0; i+1 < len(vals); i += 2 {
				m, _ := vals[i].(string)
				sc, _ := vals[i+1].(string)
				k.Values = append(k.Values, []byte(m))
				k.Scores = append(k.Scores, sc)
			}
		case "stream":
			if len(vals) == 0 {
				doc.Skipped++ // an empty stream: nothing to restore it from
				continue
			}
			for _, e := range vals {
				pair, ok := e.([]any)
				if !ok || len(pair) != 2 {
					return nil, fmt.Errorf("snapshot: stream %q: unexpected entry %v", name, e)
				}
				id, _ := pair[0].(string)
				fields, _ := pair[1].([]any)
				k.Entries = append(k.Entries, snapshotStream{ID: id, Fields: toBytes(fields)})
			}
		default:
			doc.Skipped++
			continue
		}
		doc.Keys = append(doc.Keys, k)
	}
	return doc, nil
}

func toBytes(vals []any) [][]byte {
	out := make([][]byte, 0, len(vals))
	for _, v := range vals {
		s, _ := v.(string)
		out = append(out, []byte(s))
	}
	return out
}

// restoreSnapshot loads the snapshot at path into m's DB 0 and returns how many keys it
// restored. The time since the snapshot was saved (by now) counts against every expiry.
// Nothing is restored from a file that does not read whole.
func restoreSnapshot(m *miniredis.Miniredis, path string, now time.Time) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var doc snapshotDoc
	if err := json.Unmarshal(b, &doc); err != nil {
		return 0, fmt.Errorf("snapshot %s: %w", path, err)
	}
	if doc.Version != snapshotVersion {
		return 0, fmt.Errorf("snapshot %s: format version %d, want %d", path, doc.Version, snapshotVersion)
	}
	// Check everything before restoring anything.
	for _, k := range doc.Keys {
		if err := k.check(); err != nil {
			return 0, fmt.Errorf("snapshot %s: key %q: %w", path, k.Key, err)
		}
	}
	down := now.Sub(doc.SavedAt)
	if down < 0 {
		down = 0 // the clock went back: do not lengthen anything
	}
	db := m.DB(0)
	n := 0
	for _, k := range doc.Keys {
		ttl := time.Duration(k.TTLMillis) * time.Millisecond
		if k.TTLMillis > 0 {
			if ttl -= down; ttl <= 0 {
				continue // expired while the service was down
			}
		}
		key := string(k.Key)
		db.Del(key)
		var err error
		switch k.Type {
		case "string":
			err = db.Set(key, string(k.Values[0]))
		case "hash":
			db.HSet(key, strs(k.Values)...)
		case "list":
			_, err = db.Push(key, strs(k.Values)...)
		case "set":
			_, err = db.SetAdd(key, strs(k.Values)...)
		case "zset":
			for i, member := range k.Values {
				score, _ := strconv.ParseFloat(k.Scores[i], 64) // checked
				if _, err = db.ZAdd(key, score, string(member)); err != nil {
					break
				}
			}
		case "stream":
			for _, e := range k.Entries {
				if _, err = db.XAdd(key, e.ID, strs(e.Fields)); err != nil {
					break
				}
			}
		}
		if err != nil {
			return n, fmt.Errorf("snapshot %s: restore %q: %w", path, key, err)
		}
		if k.TTLMillis > 0 {
			db.SetTTL(key, ttl)
		}
		n++
	}
	return n, nil
}

// check reports what a restore could not take.
func (k snapshotKey) check() error {
	switch k.Type {
	case "string":
		if len(k.Values) != 1 {
			return fmt.Errorf("string with %d values", len(k.Values))
		}
	case "hash":
		if len(k.Values) == 0 || len(k.Values)%2 != 0 {
			return fmt.Errorf("hash with %d fields and values", len(k.Values))
		}
	case "list", "set":
		if len(k.Values) == 0 {
			return fmt.Errorf("empty %s", k.Type)
		}
	case "zset":
		if len(k.Values) == 0 || len(k.Scores) != len(k.Values) {
			return fmt.Errorf("sorted set with %d members and %d scores", len(k.Values), len(k.Scores))
		}
		for _, s := range k.Scores {
			if _, err := strconv.ParseFloat(s, 64); err != nil {
				return fmt.Errorf("score %q", s)
			}
		}
	case "stream":
		for _, e := range k.Entries {
			if e.ID == "" || len(e.Fields)%2 != 0 {
				return fmt.Errorf("stream entry %q with %d fields and values", e.ID, len(e.Fields))
			}
		}
	default:
		return fmt.Errorf("type %q", k.Type)
	}
	if k.TTLMillis < 0 {
		return fmt.Errorf("ttl %d", k.TTLMillis)
	}
	return nil
}

func strs(b [][]byte) []string {
	out := make([]string, len(b))
	for i, v := range b {
		out[i] = string(v)
	}
	return out
}

// closeSnapshot stops the periodic saves and saves one last time: call it after the last
// writer stopped and before the in-process Redis closes.
func (a *App) closeSnapshot() {
	if a.snap == nil {
		return
	}
	a.snap.stop()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := a.snap.save(ctx); err != nil {
		a.Log.Error("embedded redis: snapshot at shutdown failed; the previous one stays", "err", err, "path", a.snap.path)
	} else {
		a.Log.Info("embedded redis: snapshot saved", "keys", a.snap.saved, "path", a.snap.path)
	}
	a.snap = nil
}
