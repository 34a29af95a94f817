package knowledgedb

import (
	"errors"
	"maps"
	"testing"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/knowledge"
)

// TestImportRefusesWindowsPaths (issue 14): file names are relative slash paths; a
// backslash or a drive letter (C:) would name another place on the machine that exports
// them again, so the import is refused as a whole.
func TestImportRefusesWindowsPaths(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		files, _ := s.Export(ctx, 1)
		for _, name := range []string{`rules\tv.yaml`, `..\..\escape.yaml`, `C:rules.yaml`, `C:/rules/tv.yaml`,
			`c:\rules\tv.yaml`, `rules/a:b.yaml`, "rules/\x00tv.yaml"} {
			bad := maps.Clone(files)
			bad[name] = []byte("rules: []\n")
			if err := s.Import(ctx, "oz", bad); !errors.Is(err, knowledge.ErrBadImport) {
				t.Errorf("import of %q: err = %v, want ErrBadImport", name, err)
			}
		}
		if info, _ := s.DraftInfo(ctx); info.Changed {
			t.Fatal("a refused import changed the draft")
		}
	})
}
