package database

import (
	"strings"
	"testing"
)

func TestNormalizeMySQLDSN(t *testing.T) {
	tests := []struct {
		name, dsn string
		want      []string // substrings of the result
		not       []string // substrings that must be absent
	}{
		{
			name: "adds parseTime, charset and UTC session",
			dsn:  "intake:pw@tcp(db:3306)/intake",
			want: []string{"intake:pw@tcp(db:3306)/intake?", "parseTime=true", "charset=utf8mb4", "time_zone=%27%2B00%3A00%27"},
			not:  []string{"loc="},
		},
		{
			name: "forces parseTime",
			dsn:  "u@tcp(h)/d?parseTime=false",
			want: []string{"parseTime=true"},
		},
		{
			name: "keeps a given charset",
			dsn:  "u@tcp(h)/d?charset=latin1",
			want: []string{"charset=latin1"},
			not:  []string{"utf8mb4"},
		},
		{
			name: "keeps a given collation without adding a charset",
			dsn:  "u@tcp(h)/d?collation=utf8mb4_bin",
			want: []string{"collation=utf8mb4_bin"},
			not:  []string{"charset="},
		},
		{
			name: "keeps a non-UTC location and leaves the session zone alone",
			dsn:  "u@tcp(h)/d?loc=Asia%2FShanghai",
			want: []string{"loc=Asia%2FShanghai"},
			not:  []string{"time_zone"},
		},
		{
			name: "keeps a given session zone",
			dsn:  "u@tcp(h)/d?time_zone=%27Asia%2FShanghai%27",
			want: []string{"time_zone=%27Asia%2FShanghai%27"},
			not:  []string{"%2B00"},
		},
		{
			name: "keeps other parameters",
			dsn:  "u@tcp(h)/d?timeout=5s&readTimeout=2s",
			want: []string{"timeout=5s", "readTimeout=2s"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NormalizeMySQLDSN(tt.dsn)
			if err != nil {
				t.Fatalf("NormalizeMySQLDSN(%q): %v", tt.dsn, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("NormalizeMySQLDSN(%q) = %q, missing %q", tt.dsn, got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("NormalizeMySQLDSN(%q) = %q, must not contain %q", tt.dsn, got, n)
				}
			}
		})
	}
}

func TestNormalizeMySQLDSNRejectsGarbage(t *testing.T) {
	if _, err := NormalizeMySQLDSN("no slash here"); err == nil {
		t.Error("NormalizeMySQLDSN accepted a DSN without a slash")
	}
}

func TestSQLiteDSN(t *testing.T) {
	tests := []struct {
		path    string
		wantErr bool
	}{
		{path: "/var/lib/intake/intake.db"},
		{path: "data/intake.db"},
		{path: ":memory:", wantErr: true},
		{path: "file:intake.db", wantErr: true},
		{path: "intake.db?mode=ro", wantErr: true},
	}
	for _, tt := range tests {
		dsn, err := sqliteDSN(tt.path)
		if (err != nil) != tt.wantErr {
			t.Errorf("sqliteDSN(%q) error = %v, wantErr %v", tt.path, err, tt.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		for _, w := range []string{tt.path + "?", "journal_mode%28WAL%29", "busy_timeout%285000%29", "foreign_keys%281%29", "_txlock=immediate"} {
			if !strings.Contains(dsn, w) {
				t.Errorf("sqliteDSN(%q) = %q, missing %q", tt.path, dsn, w)
			}
		}
	}
}
