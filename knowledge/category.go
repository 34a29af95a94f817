package knowledge

// Category is a kind of product the service supports (air conditioner, mobile phone…), with
// the words customers use for it, its warranty policy and the brands sold in it.
type Category struct {
	// ID is the stable ASCII identifier ([a-z_]+), e.g. "air_conditioner".
	ID string `yaml:"id"`
	// Name is the display name, e.g. "空调".
	Name string `yaml:"name"`
	// Aliases are the words customers use for the category ("挂机", "冷气"). A message that
	// mentions one boosts the category's rules when no category is known yet.
	Aliases []string `yaml:"aliases,flow"`
	// Warranty is the default warranty policy (China's 三包 defaults, editable).
	Warranty Warranty `yaml:"warranty"`
	// Brands are the brands sold in the category.
	Brands []Brand `yaml:"brands"`
	// GenericModelPatterns are fallback model-number shapes (Go RE2) for unknown brands.
	GenericModelPatterns []string `yaml:"generic_model_patterns,omitempty"`
}

// Warranty is a category's warranty policy: the whole unit, and main components with
// longer cover.
type Warranty struct {
	// WholeMonths is the whole-unit (整机) warranty in months.
	WholeMonths int `yaml:"whole_months"`
	// Components lists main components covered longer (or shorter) than the whole unit.
	Components []Component `yaml:"components,omitempty"`

	// The 三包 rights in days from purchase; 0 (or omitted) takes the statutory default.
	//
	// ReturnDays: a performance fault this many days after purchase or less may be
	// returned, exchanged or repaired (default 7).
	ReturnDays int `yaml:"return_days,omitempty"`
	// ExchangeDays: up to this many days, exchanged or repaired (default 15; not less
	// than ReturnDays).
	ExchangeDays int `yaml:"exchange_days,omitempty"`
	// RepairWarrantyDays is a repair's own warranty: the same fault back within it is
	// repaired free (default 90; the law's floor is 30).
	RepairWarrantyDays int `yaml:"repair_warranty_days,omitempty"`
	// MaxRepairs: after this many repairs of the same fault within the warranty the
	// customer may exchange or return the product (default 2).
	MaxRepairs int `yaml:"max_repairs,omitempty"`
}

// The statutory 三包 defaults of a Warranty's rights, used when a field is 0.
const (
	DefaultReturnDays         = 7
	DefaultExchangeDays       = 15
	DefaultRepairWarrantyDays = 90
	MinRepairWarrantyDays     = 30
	DefaultMaxRepairs         = 2
)

// SanBao returns the 三包 rights with the defaults filled in: return, exchange and
// repair-warranty days, and the repairs before an exchange.
func (w Warranty) SanBao() (returnDays, exchangeDays, repairWarrantyDays, maxRepairs int) {
	or := func(v, def int) int {
		if v <= 0 {
			return def
		}
		return v
	}
	return or(w.ReturnDays, DefaultReturnDays), or(w.ExchangeDays, DefaultExchangeDays),
		or(w.RepairWarrantyDays, DefaultRepairWarrantyDays), or(w.MaxRepairs, DefaultMaxRepairs)
}

// The fuels an appliance runs on, where a category has both (water heaters, boilers).
const (
	FuelGas      = "gas"
	FuelElectric = "electric"
)

// Component is a part with its own warranty period.
type Component struct {
	// Name is the component as staff and rules name it, e.g. "压缩机".
	Name string `yaml:"name"`
	// Months is the component's warranty in months.
	Months int `yaml:"months"`
	// Fuel is set for a part only the appliances running on one fuel have: "electric" for an
	// electric water heater's 加热管 and 内胆, "gas" for a gas heater's 热交换器; "" for any.
	Fuel string `yaml:"fuel,omitempty"`
}

// Fits reports whether an appliance running on fuel ("gas", "electric", "" when not known)
// can have the component: a part of one fuel fits only that fuel, never an unknown one.
func (c Component) Fits(fuel string) bool { return c.Fuel == "" || c.Fuel == fuel }

// ComponentsFor are the components an appliance running on fuel can have; every one when
// the fuel is not known (each of them may be the customer's).
func (w Warranty) ComponentsFor(fuel string) []Component {
	if fuel == "" {
		return w.Components
	}
	var out []Component
	for _, c := range w.Components {
		if c.Fits(fuel) {
			out = append(out, c)
		}
	}
	return out
}

// Brand is a brand sold in a category, with the patterns that recognise its model and
// serial numbers in a customer's message.
type Brand struct {
	// Name is the display name, e.g. "美的".
	Name string `yaml:"name"`
	// Aliases are the spellings customers use ("midea", "Midea").
	Aliases []string `yaml:"aliases,flow"`
	// ModelPatterns are Go RE2 expressions matching a model number inside text.
	ModelPatterns []string `yaml:"model_patterns,omitempty"`
	// SerialPattern is an optional Go RE2 expression matching a whole serial number.
	SerialPattern string `yaml:"serial_pattern,omitempty"`
}

// Months returns the warranty in months for component, or the whole-unit period when
// component is empty or has no period of its own.
func (w Warranty) Months(component string) int {
	for _, c := range w.Components {
		if c.Name == component && component != "" {
			return c.Months
		}
	}
	return w.WholeMonths
}
