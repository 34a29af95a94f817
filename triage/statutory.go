package triage

import (
	"fmt"
	"sync"
	"time"

	lunar "github.com/6tail/lunar-go/calendar"
)

// Holiday is one statutory public holiday of a year: its days From to To, inclusive.
type Holiday struct {
	Name     string // 元旦, 春节, …
	From, To Date
}

// StatutoryHolidays returns mainland China's statutory public holidays (全体公民放假的节日)
// of year, computed by the rule in force since 2025 (《全国年节及纪念日放假办法》 as amended
// by State Council Order No. 795, 12 November 2024; ../shared/docs/DOMAIN.md says nothing
// about holidays):
//
//	元旦   1 day   1 January
//	春节   4 days  lunar New Year's Eve (除夕) to lunar 1/3 (初三)
//	清明节 1 day   the day of the 清明 solar term
//	劳动节 2 days  1–2 May
//	端午节 1 day   lunar 5/5
//	中秋节 1 day   lunar 8/15
//	国庆节 3 days  1–3 October
//
// These are the days off by law only. The State Council's yearly notice moves days around
// them (调休: extra days off joined to a holiday, weekend days worked in exchange); that is
// data, see CalendarConfig.Adjustments. Lunar dates and the solar term come from
// github.com/6tail/lunar-go. Years before 1901 or after 2099 return nil.
func StatutoryHolidays(year int) []Holiday {
	if year < 1901 || year > 2099 {
		return nil
	}
	fromSolar := func(s *lunar.Solar) Date { return Date{s.GetYear(), time.Month(s.GetMonth()), s.GetDay()} }
	newYear := fromSolar(lunar.NewLunarFromYmd(year, 1, 1).GetSolar())
	qingming := fromSolar(lunar.NewSolarFromYmd(year, 4, 15).GetLunar().GetJieQiTable()["清明"])
	day := func(m time.Month, d int) Date { return Date{year, m, d} }
	duanwu := fromSolar(lunar.NewLunarFromYmd(year, 5, 5).GetSolar())
	zhongqiu := fromSolar(lunar.NewLunarFromYmd(year, 8, 15).GetSolar())
	return []Holiday{
		{"元旦", day(1, 1), day(1, 1)},
		{"春节", newYear.AddDays(-1), newYear.AddDays(2)},
		{"清明节", qingming, qingming},
		{"劳动节", day(5, 1), day(5, 2)},
		{"端午节", duanwu, duanwu},
		{"中秋节", zhongqiu, zhongqiu},
		{"国庆节", day(10, 1), day(10, 3)},
	}
}

// statutoryDays caches the statutory days off of each year asked for.
var statutoryDays = struct {
	sync.Mutex
	years map[int]map[Date]bool
}{years: map[int]map[Date]bool{}}

// isStatutoryHoliday reports whether d is a statutory day off.
func isStatutoryHoliday(d Date) bool {
	statutoryDays.Lock()
	defer statutoryDays.Unlock()
	days, ok := statutoryDays.years[d.Year]
	if !ok {
		days = map[Date]bool{}
		for _, h := range StatutoryHolidays(d.Year) {
			for x := h.From; !x.After(h.To); x = x.AddDays(1) {
				days[x] = true
			}
		}
		statutoryDays.years[d.Year] = days
	}
	return days[d]
}

func (h Holiday) String() string { return fmt.Sprintf("%s %s..%s", h.Name, h.From, h.To) }
