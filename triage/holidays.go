package triage

// China returns the business calendar of mainland China for any year: the statutory
// holidays computed for each year (StatutoryHolidays) and, as published adjustments, 2026's
// days off and make-up workdays from China2026. Add a later year's notice with
// Adjustments (config: business.adjustments_file).
func China() CalendarConfig {
	cfg := China2026()
	cfg.Statutory = true
	cfg.Adjustments = map[int]Adjustments{2026: {Holidays: cfg.Holidays, MakeupWorkdays: cfg.MakeupWorkdays}}
	cfg.Holidays, cfg.MakeupWorkdays = nil, nil
	return cfg
}

// China2026 returns the business calendar of mainland China for 2026: Monday to Friday,
// 09:00–18:00 Beijing time, with the public holidays and make-up workdays (调休上班) of the
// State Council's notice of 4 November 2025 (国办发明电〔2025〕7号). It is data: China
// keeps it as 2026's published adjustments beside the statutory holidays it computes for
// every year; on its own (as here) any other year counts weekends only.
func China2026() CalendarConfig {
	return CalendarConfig{
		TimeZone:  "Asia/Shanghai",
		WorkStart: "09:00",
		WorkEnd:   "18:00",
		Weekend:   []string{"Saturday", "Sunday"},
		Holidays: []string{
			"2026-01-01..2026-01-03", // 元旦
			"2026-02-15..2026-02-23", // 春节
			"2026-04-04..2026-04-06", // 清明节
			"2026-05-01..2026-05-05", // 劳动节
			"2026-06-19..2026-06-21", // 端午节
			"2026-09-25..2026-09-27", // 中秋节
			"2026-10-01..2026-10-07", // 国庆节
		},
		MakeupWorkdays: []string{
			"2026-01-04",               // Sunday, for 元旦
			"2026-02-14", "2026-02-28", // Saturdays, for 春节
			"2026-05-09",               // Saturday, for 劳动节
			"2026-09-20", "2026-10-10", // Sunday and Saturday, for 国庆节
		},
		FirstResponseDays: 1,
		DiagnosisDays:     2,
		UrgentWithin:      "4h",
		UrgentBasis:       "clock",
		VisitLead:         "2h",
	}
}
