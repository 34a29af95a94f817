package triage

// Policy is the warranty of one product category, in months from the purchase date.
// Editors set it in configuration; the defaults follow China's 三包 rules.
type Policy struct {
	// WholeMonths covers the whole unit.
	WholeMonths int `yaml:"whole_months" json:"whole_months"`
	// Components gives parts their own period, by component id ("compressor": 36). A
	// component's period replaces the whole-unit one for faults the rule pins on it, so
	// it may be longer (compressor) or shorter (phone battery).
	Components map[string]int `yaml:"components" json:"components"`
	// ExtendedMonths is the usual extended warranty, added to the whole-unit period when
	// the customer has one and the case does not give its own length.
	ExtendedMonths int `yaml:"extended_months" json:"extended_months"`

	// The 三包 rights, in days; zero takes the statutory default (see Rights).
	//
	// ReturnDays: a performance fault this many days after purchase or less may be
	// returned, exchanged or repaired (default 7).
	ReturnDays int `yaml:"return_days" json:"return_days"`
	// ExchangeDays: up to this many days, exchanged or repaired (default 15).
	ExchangeDays int `yaml:"exchange_days" json:"exchange_days"`
	// RepairWarrantyDays: a repair's own warranty; the same fault back within it is repaired
	// free whatever the unit's period (default 90; never less than the statutory 30).
	RepairWarrantyDays int `yaml:"repair_warranty_days" json:"repair_warranty_days"`
	// MaxRepairs: after this many repairs of the same fault within the warranty, the
	// customer may have it exchanged or returned (default 2).
	MaxRepairs int `yaml:"max_repairs" json:"max_repairs"`
}

// The statutory 三包 defaults of the rights in Policy.
const (
	DefaultReturnDays         = 7
	DefaultExchangeDays       = 15
	DefaultRepairWarrantyDays = 90
	MinRepairWarrantyDays     = 30 // the statutory floor of a repair's own warranty
	DefaultMaxRepairs         = 2
)

// SanBao returns the policy with its 三包 rights filled in: defaults for zero values, the
// statutory floor for a shorter repair warranty, and an exchange period no shorter than the
// return period.
func (p Policy) SanBao() Policy {
	if p.ReturnDays <= 0 {
		p.ReturnDays = DefaultReturnDays
	}
	if p.ExchangeDays <= 0 {
		p.ExchangeDays = DefaultExchangeDays
	}
	p.ExchangeDays = max(p.ExchangeDays, p.ReturnDays)
	if p.RepairWarrantyDays <= 0 {
		p.RepairWarrantyDays = DefaultRepairWarrantyDays
	}
	p.RepairWarrantyDays = max(p.RepairWarrantyDays, MinRepairWarrantyDays)
	if p.MaxRepairs <= 0 {
		p.MaxRepairs = DefaultMaxRepairs
	}
	return p
}

// Policies holds a Policy per category id; the key "default" serves categories without
// their own entry.
type Policies map[string]Policy

// For returns the policy of category, or the default one.
func (ps Policies) For(category string) Policy {
	if p, ok := ps[category]; ok {
		return p
	}
	return ps["default"]
}

// DefaultPolicies returns the usual 三包 periods: home appliances one year for the unit and
// three for the main component; phones one year, battery six months; computers one year,
// main parts two. They are defaults for configuration, not rules of the code.
func DefaultPolicies() Policies {
	appliance := func(main string) Policy {
		return Policy{WholeMonths: 12, Components: map[string]int{main: 36}, ExtendedMonths: 12}
	}
	return Policies{
		"default":         {WholeMonths: 12, ExtendedMonths: 12},
		"air_conditioner": appliance("compressor"),
		"refrigerator":    appliance("compressor"),
		"washing_machine": appliance("motor"),
		"television":      appliance("panel"),
		"phone": {WholeMonths: 12, ExtendedMonths: 12,
			Components: map[string]int{"battery": 6, "charger": 12}},
		"computer": {WholeMonths: 12, ExtendedMonths: 12,
			Components: map[string]int{"mainboard": 24, "display": 24, "storage": 24}},
	}
}
