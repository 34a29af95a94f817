package knowledge

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/kylelemons/godebug/diff"
)

// DiffContext is how many unchanged lines a hunk shows around a change.
const DiffContext = 3

// FileDiff is how one file differs between two versions of the knowledge.
type FileDiff struct {
	// File is the file's path in the set ("rules/refrigerator.yaml").
	File string `json:"file"`
	// Change says whether the file was added, removed or modified.
	Change FileChange `json:"change"`
	// Hunks are the changed regions with DiffContext lines of context, in file order.
	Hunks []Hunk `json:"hunks"`
}

// FileChange is what happened to a file.
type FileChange string

// The file changes.
const (
	FileAdded    FileChange = "added"
	FileRemoved  FileChange = "removed"
	FileModified FileChange = "modified"
)

// Hunk is one changed region of a file, as in a unified diff: it covers OldLines lines
// from line OldStart of the old file and NewLines lines from NewStart of the new one.
type Hunk struct {
	OldStart int        `json:"old_start"`
	OldLines int        `json:"old_lines"`
	NewStart int        `json:"new_start"`
	NewLines int        `json:"new_lines"`
	Lines    []DiffLine `json:"lines"`
}

// DiffLine is one line of a hunk.
type DiffLine struct {
	// Op is " " for an unchanged line, "-" for a removed one, "+" for an added one.
	Op   string `json:"op"`
	Text string `json:"text"`
}

// DiffFiles compares two versions of the knowledge file by file, line by line (Myers'
// shortest edit script, from github.com/kylelemons/godebug/diff). Files are listed in path
// order; unchanged files are left out.
func DiffFiles(from, to map[string][]byte) []FileDiff {
	names := slices.Sorted(maps.Keys(from))
	for name := range to {
		if _, ok := from[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var out []FileDiff
	for _, name := range names {
		a, inA := from[name]
		b, inB := to[name]
		if inA && inB && string(a) == string(b) {
			continue
		}
		change := FileModified
		switch {
		case !inA:
			change = FileAdded
		case !inB:
			change = FileRemoved
		}
		out = append(out, FileDiff{File: name, Change: change, Hunks: hunks(splitLines(a), splitLines(b), DiffContext)})
	}
	return out
}

// splitLines splits text into lines without their newline characters.
func splitLines(b []byte) []string {
	s := strings.TrimSuffix(string(b), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// hunks groups the edit script of a → b into hunks with ctx lines of context; changes
// with at most 2·ctx unchanged lines between them share a hunk, as in diff -u.
func hunks(a, b []string, ctx int) []Hunk {
	type op struct {
		kind     byte // ' ', '-', '+'
		text     string
		old, new int // 1-based line numbers before the line is applied
	}
	var ops []op
	oldN, newN := 1, 1
	for _, c := range diff.DiffChunks(a, b) {
		for _, l := range c.Deleted {
			ops = append(ops, op{'-', l, oldN, newN})
			oldN++
		}
		for _, l := range c.Added {
			ops = append(ops, op{'+', l, oldN, newN})
			newN++
		}
		for _, l := range c.Equal {
			ops = append(ops, op{' ', l, oldN, newN})
			oldN++
			newN++
		}
	}

	var out []Hunk
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(0, i-ctx)
		end := i // last changed op of the hunk
		for j := i + 1; j < len(ops) && j <= end+2*ctx+1; j++ {
			if ops[j].kind != ' ' {
				end = j
			}
		}
		stop := min(len(ops), end+ctx+1)
		h := Hunk{OldStart: ops[start].old, NewStart: ops[start].new}
		for _, o := range ops[start:stop] {
			h.Lines = append(h.Lines, DiffLine{Op: string(o.kind), Text: o.text})
			if o.kind != '+' {
				h.OldLines++
			}
			if o.kind != '-' {
				h.NewLines++
			}
		}
		out = append(out, h)
		i = stop
	}
	return out
}

// Unified renders the file's diff in the unified format of diff -u and git.
func (d FileDiff) Unified() string {
	var b strings.Builder
	from, to := "a/"+d.File, "b/"+d.File
	switch d.Change {
	case FileAdded:
		from = "/dev/null"
	case FileRemoved:
		to = "/dev/null"
	}
	fmt.Fprintf(&b, "--- %s\n+++ %s\n", from, to)
	for _, h := range d.Hunks {
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(h.OldStart, h.OldLines), hunkRange(h.NewStart, h.NewLines))
		for _, l := range h.Lines {
			b.WriteString(l.Op + l.Text + "\n")
		}
	}
	return b.String()
}

// hunkRange formats a hunk's range as unified diffs do: an empty range names the line
// before it.
func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start-1)
	}
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}
