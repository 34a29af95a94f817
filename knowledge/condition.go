package knowledge

import (
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
)

// UnknownAge is CaseFacts.AgeMonths when the product's age is not known.
const UnknownAge = -1

// CaseFacts are what the case knows so far, the variables of a rule's condition.
type CaseFacts struct {
	// Category is the category id (condition variable category).
	Category string
	// Brand is the brand's display name, e.g. "美的" (brand).
	Brand string
	// Model is the model number as recorded (model).
	Model string
	// AgeMonths is the product's age in whole months, or UnknownAge (age_months). The zero
	// value means a product bought this month: callers that don't know the age must set
	// UnknownAge.
	AgeMonths int
	// ErrorCode is the display code already recorded for the case, e.g. "E1" (error_code,
	// upper-cased). A rule listing the code counts it as a hit even when the current
	// message doesn't repeat it.
	ErrorCode string
}

// caseEnv is the expr environment of a condition; the field tags are the variable names
// editors write.
type caseEnv struct {
	Category  string `expr:"category"`
	Brand     string `expr:"brand"`
	Model     string `expr:"model"`
	AgeMonths int    `expr:"age_months"`
	ErrorCode string `expr:"error_code"`
}

func (c CaseFacts) env() caseEnv {
	return caseEnv{
		Category:  clipText(c.Category, MaxConditionText),
		Brand:     clipText(c.Brand, MaxConditionText),
		Model:     clipText(c.Model, MaxConditionText),
		AgeMonths: c.AgeMonths,
		ErrorCode: strings.ToUpper(clipText(c.ErrorCode, MaxConditionText)),
	}
}

// compileCondition compiles a rule's condition against the case variables; it must yield
// a bool. It has at most 500 nodes, and no repeat, which builds strings of any length
// (repeat(repeat("a", 1000000), 1000000)). See cost.go for the other bounds.
func compileCondition(src string) (*vm.Program, error) {
	return expr.Compile(src, expr.Env(caseEnv{}), expr.AsBool(), expr.MaxNodes(500), expr.DisableBuiltin("repeat"))
}

// holds runs a compiled condition; a nil program holds, and an evaluation error counts as
// false (the rule is not offered rather than offered wrongly), exceeding the memory
// budget (conditionMemory) included.
func holds(p *vm.Program, env caseEnv) bool {
	if p == nil {
		return true
	}
	machine := vm.VM{MemoryBudget: conditionMemory}
	out, err := machine.Run(p, env)
	if err != nil {
		return false
	}
	ok, _ := out.(bool)
	return ok
}
