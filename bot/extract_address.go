package bot

import (
	"strings"
	"unicode/utf8"

	"github.com/wxintake/intake/knowledge"
)

// regionSet maps province and city names to their province (and the city, for cities).
var regionSet = func() *phraseSet[[2]string] {
	p := &phraseSet[[2]string]{}
	for _, pr := range provinces {
		city := ""
		switch pr {
		case "北京", "天津", "上海", "重庆", "香港", "澳门":
			city = pr
		}
		p.add(pr, [2]string{pr, city})
	}
	for _, c := range cities {
		p.add(c.city, [2]string{c.province, c.city})
	}
	p.sort()
	return p
}()

// address finds an address: after a cue ("地址是", "住在"), or from a province or city
// name. It must hold street-level detail to count (see addressDetailed).
func (x *extraction) address() {
	s := x.s
	for i := 0; i < len(s); i += runeLen(s, i) {
		if _, ok := x.taken(i); ok {
			continue
		}
		_, end, ok := setAddressCues.at(s, i)
		if !ok {
			continue
		}
		start := skipCorrection(s, skipSeparators(s, end))
		if aend := x.addressEnd(start); addressDetailed(s[start:aend]) && x.setAddress(i, start, aend) {
			return
		}
	}
	for i := 0; i < len(s); i += runeLen(s, i) {
		if _, ok := x.taken(i); ok {
			continue
		}
		if _, _, ok := regionSet.at(s, i); !ok {
			continue
		}
		if aend := x.addressEnd(i); addressDetailed(s[i:aend]) && x.setAddress(i, i, aend) {
			return
		}
	}
	for _, sh := range addressShapes {
		for _, loc := range sh.re.FindAllStringSubmatchIndex(s, -1) {
			if _, ok := x.taken(loc[2]); ok {
				continue
			}
			cue := loc[2]
			if sh.leadIn {
				cue = loc[0] // "住在…": the words before are read with it
			}
			if aend := x.addressEnd(loc[2]); addressDetailed(s[loc[2]:aend]) && x.setAddress(cue, loc[2], aend) {
				return
			}
		}
	}
}

// addressShapes are addresses read by their shape when no cue or known place opens them, in
// this order; the address is the pattern's first group, and leadIn says the words matched
// before it ("住在") are read with it.
var addressShapes = []struct {
	re     *knowledge.Filtered
	leadIn bool
}{
	{cityDistrict, true},    // a city the list does not know, with its district: "莆田市城厢区荔城中大道…"
	{livesInDistrict, true}, // a district without its city, after "住": "住东城区东四十条南门仓胡同12号院3号楼"
	// an address told alone, at whatever question: a clause that opens with a district or a
	// road and holds a door number ("朝阳区幸福路8号", "体育西路12号302")
	{streetDoor, false},
	// a district and its road as a clause of their own, the city left out or unknown:
	// "电话137… 梅州梅江区 彩虹路 姓古", "徐汇区 漕溪北路"
	{districtRoad, false},
}

// districtRoad is a clause that opens with a district or county, or a city and its area
// ("大理市下关 人民南路"), and names a road in it.
var districtRoad = knowledge.MustFilter(`(?:^|[,，。.;；!！ ])((?:\p{Han}{2,6}[区县]|\p{Han}{2,3}市\p{Han}{0,4}) ?\p{Han}{1,6}(?:路|街|大道|大街|巷|胡同))`)

// livesInDistrict is a district named after the words that say it is where one lives.
var livesInDistrict = knowledge.MustFilter(`(?:我家住在|家住在|我住在|住在|家住|我住|住)(\p{Han}{2,4}[区县旗])`)

// streetDoor is a clause that is an address by itself: a district (or none), a road and its
// door number.
var streetDoor = knowledge.MustFilter(`(?:^|[,，。.;；!！ ])((?:\p{Han}{2,4}[区县旗镇])?\p{Han}{1,6}(?:路|街|大道|巷|弄|胡同|大街)\d{1,5}(?:号|弄|栋|幢))`)

// cityDistrict is a city and its district or county, written out ("莆田市城厢区", "丽江市古城区"),
// after the words that say it is where one lives.
var cityDistrict = knowledge.MustFilter(`(?:我家住在|家住在|我住在|住在|家住|我住|住|在|是)?(\p{Han}{2,3}市\p{Han}{1,4}[区县])`)

// addressCorrection are words of a correction between "地址" and the new address: "地址不对
// 是朝阳区的 朝阳区建国路88号", "地址写错了 是金融街3号", "地址改成…".
var addressCorrection = knowledge.MustFilter(`^(不对|错了|写错了|填错了|说错了|有误|不是这个|改一下|改成|改为|换成|更正|应该是|要改)[ ,，。:：]*(是|为|成)?[ ,，。:：]*`)

// skipCorrection returns where the address after a correction's words begins; when the
// correction first names a district in passing ("是朝阳区的 朝阳区建国路88号"), at the part
// that is the address itself.
func skipCorrection(s string, i int) int {
	loc := addressCorrection.FindStringIndex(s[i:])
	if loc == nil {
		return i
	}
	j := i + loc[1]
	if k := strings.Index(s[j:], "的 "); k > 0 && k < 12 && !strings.ContainsAny(s[j:j+k], "0123456789") {
		j += k + len("的 ") // "是朝阳区的 朝阳区建国路88号": the district said, then the address
	}
	return j
}

// deniedTail is what a customer adds after the right address to say what was wrong:
// "建国路86号3栋1单元502 不是88号", "…502，不是602".
var deniedTail = knowledge.MustFilter(`[ ,，。;；]*(不是|而不是|并非)[^ ,，。;；]*[ ,，。;；]*$`)

// trimChatter drops words around an address that are no part of it, split off by spaces:
// "记了没有 深圳福田区景田北路12号3栋201", "莲前西路188号7楼 你记一下". A word stays when it
// has a digit or a place word.
func trimChatter(addr string) string {
	words := strings.Fields(addr)
	if len(words) < 2 {
		return addr
	}
	placeLike := func(w string) bool {
		if strings.ContainsAny(w, "0123456789") {
			return true
		}
		if regionSet.spans(w, 0, len(w)) {
			return true // "北京 朝阳区…": a city standing alone is a place
		}
		for i := 0; i < len(w); i += runeLen(w, i) {
			if _, _, ok := setAddressDetails.at(w, i); ok {
				return true
			}
			if _, _, ok := setAddressAreas.at(w, i); ok {
				return true
			}
		}
		return false
	}
	i, j := 0, len(words)
	for i < j-1 && !placeLike(words[i]) {
		i++
	}
	for j > i+1 && !placeLike(words[j-1]) {
		j--
	}
	if i == 0 && j == len(words) {
		return addr
	}
	return strings.Join(words[i:j], " ")
}

// setAddress keeps the address at s[start:end], the words around it that are no part of it
// trimmed (trimChatter); it reports false, keeping nothing, when what is left is no longer
// detailed enough ("我在县城 没见过你们网点" is no address).
func (x *extraction) setAddress(cue, start, end int) bool {
	addr := strings.TrimSpace(x.s[start:end])
	if loc := deniedTail.FindStringIndex(addr); loc != nil && loc[0] > 0 {
		addr = strings.TrimSpace(addr[:loc[0]])
	} else if fixed := correctedAddress(addr); fixed != addr {
		// "天府三街199号 太平洋保险金融大厦 不对不对 那是我公司 家里是武侯区 桐梓林北路6号":
		// the address after the taking-back is the one meant
		addr = fixed
	}
	addr = trimChatter(addr)
	if !addressDetailed(addr) {
		return false
	}
	x.f.Address = addr
	x.f.Region, x.f.City = RegionOf(x.f.Address)
	if i := strings.LastIndex(x.s[start:end], x.f.Address); i >= 0 {
		end = start + i + len(x.f.Address) // the words trimmed after it stay for the name ("… 彩虹路 姓古")
	}
	x.mark(cue, end, spanAddress)
	return true
}

// addressEnd returns where an address starting at byte i ends: at the clause end, a part
// already read (a phone number), or a word that starts something else ("电话").
func (x *extraction) addressEnd(i int) int {
	s := x.s
	_, end := x.clause(i)
	for j, n := i, 0; j < end; n++ {
		if _, ok := x.taken(j); ok || n >= 80 {
			end = j
			break
		}
		if _, _, ok := setAddressStops.at(s, j); ok && j > i {
			end = j
			break
		}
		if s[j] == ' ' && j > i && doorEnd(s[i:j]) && !addressGoesOn(s[j+1:]) {
			end = j // "…5号楼2单元602 我跟你说 这次不修了": the door number ends it
			break
		}
		j += runeLen(s, j)
	}
	return end
}

// addressDetailed reports whether a is detailed enough for a visit: at least six characters
// and two address parts, one of them street-level ("路", "号", "小区", "栋" …).
func addressDetailed(a string) bool {
	if utf8.RuneCountInString(a) < 6 {
		return false
	}
	details, areas := 0, 0
	for i := 0; i < len(a); i += runeLen(a, i) {
		if _, end, ok := setAddressDetails.at(a, i); ok {
			details++
			i = end - runeLen(a, prevRuneStart(a, end))
			continue
		}
		if _, _, ok := setAddressAreas.at(a, i); ok {
			areas++
		}
	}
	if details == 0 && areas >= 1 && bareDoor.MatchString(a) {
		details = 1 // "北京朝阳区望京SOHO T2 1806": the door number is the detail
	}
	return details >= 1 && details+areas >= 2
}

// bareDoor is a room or door number written bare: three or four digits that are no year,
// price or date.
var bareDoor = knowledge.MustFilter(`(?:^|[^0-9])[0-9]{3,4}(?:$|[^0-9年元块月日])`)

// RegionOf names the province-level division and the city an address is in, as far as it
// can tell: "北京市朝阳区…" gives ("北京", "北京"), "广东省深圳市…" and "深圳南山区…" give
// ("广东", "深圳"). Either is "" when not recognised.
func RegionOf(address string) (region, city string) {
	s := address
	for i := 0; i < len(s) && (region == "" || city == ""); i += runeLen(s, i) {
		v, end, ok := regionSet.at(s, i)
		if !ok {
			continue
		}
		if strings.HasPrefix(s[end:], "路") || strings.HasPrefix(s[end:], "街") || strings.HasPrefix(s[end:], "大道") {
			continue // "北京路" is a street in many cities
		}
		if region == "" {
			region = v[0]
		}
		if city == "" && v[1] != "" && v[0] == region {
			city = v[1]
		}
		i = end - runeLen(s, prevRuneStart(s, end))
	}
	return region, city
}

// ParseAddress reads the answer to "where should the technician come?". It is more liberal
// than Extract (no cue or province needed) but still wants some street-level detail: five
// characters or more and a part like "路", "号", "小区" or "栋". The address is returned
// without the lead-in ("地址是", "我家在") and up to a phone number or the end.
func ParseAddress(text string) (string, bool) {
	x := newExtraction(text)
	x.phone()
	s := x.s
	start := 0
	if _, end, ok := findAny(setAddressCues, s); ok && end < len(s) {
		start = skipSeparators(s, end)
	}
	end := len(s)
	if k := strings.IndexAny(s[start:], "。!！?？\n"); k >= 0 {
		end = start + k
	}
	for j := start; j < end; j += runeLen(s, j) {
		if _, ok := x.taken(j); ok {
			end = j
			break
		}
	}
	a := correctedAddress(strings.Trim(s[start:end], clauseBreaks+" "))
	if utf8.RuneCountInString(a) < 5 {
		return "", false
	}
	if !setAddressDetails.contains(a, 0, len(a)) {
		return "", false
	}
	return a, true
}

// addressFix is a correction inside an address: "…华科西十二舍 不对 是东区教工宿舍5栋201".
var addressFix = knowledge.MustFilter(`[ ,，、]*(不对不对|不对|说错了|写错了|错了|不是)[ ,，、]*(应该)?是?[ ,，、]*`)

// sendHomeTail is a word after an address about where to send: "寄家里", "送到家里吧".
var sendHomeTail = knowledge.MustFilter(`[ ,，。]*(寄|送|发)(到|去)?(家里|我家|家|屋企|这里|这儿|这)(吧|哈|啊|噢)?[ ,，。!！]*$`)

// otherPlaceThen says the address before was another place and leads to the one meant:
// "那是我公司 家里是", "那个是单位的 寄到", "系我公司 屋企系".
var otherPlaceThen = knowledge.MustFilter(`^(那|这|那个|这个)?(是|系)[^ ,，。]{0,8}?(公司|单位|办公室|上班的地方|店里|门店|老家|我妈家|父母家|朋友家)(的|地址)?[ ,，。]*` +
	`(家里|我家|屋企|屋里|家|住址|寄到|寄|送到|要寄)?(是|系|在|的是|地址是)?[ ,，。:：]*`)

// addressStem is where the part an address correction replaces may start: after the
// building number or the road; addressRoad after the road, for a new number ("是200号").
var (
	addressDistrict = knowledge.MustFilter(`^\p{Han}{2,5}(新区|区|县|市)`)
	addressStem     = knowledge.MustFilter(`^.*(号|路|街|道|巷|弄)`)
	addressRoad     = knowledge.MustFilter(`^.*(路|街|道|巷|弄|村|镇)`)
)

// correctedAddress applies a correction told inside an address: the words after it replace
// the end of the address before it ("珞喻路1037号华科西十二舍 不对 是东区教工宿舍5栋201" gives
// "珞喻路1037号东区教工宿舍5栋201"), or the whole of it when they name a city or district.
func correctedAddress(a string) string {
	loc := addressFix.FindStringIndex(a)
	if loc == nil || loc[0] == 0 {
		return a
	}
	before, after := strings.TrimSpace(a[:loc[0]]), strings.TrimSpace(a[loc[1]:])
	otherPlace := false
	if l := otherPlaceThen.FindStringIndex(after); l != nil && l[0] == 0 {
		after, otherPlace = strings.TrimSpace(after[l[1]:]), true // "那是我公司 家里是武侯区…": the home address
	}
	if utf8.RuneCountInString(after) < 3 {
		return a
	}
	after = strings.TrimSpace(sendHomeTail.ReplaceAllString(after, ""))
	if r, _ := RegionOf(after); r != "" {
		return after // a whole address again
	}
	if addressDistrict.MatchString(after) {
		if _, city := RegionOf(before); city != "" && otherPlace {
			return city + after // "成都高新区… 不对 家里是武侯区…": the same city
		}
		return after // from its district on
	}
	stemOf := addressStem
	if c := after[0]; c >= '0' && c <= '9' {
		stemOf = addressRoad
	}
	if stem := stemOf.FindString(before); stem != "" && !strings.HasPrefix(after, stem) {
		return stem + after
	}
	return after
}

// doorEnd reports an address part that ends with a door number: digits, or 室/号/户.
func doorEnd(a string) bool {
	r, _ := utf8.DecodeLastRuneInString(a)
	return r >= '0' && r <= '9' || r == '室' || r == '号' || r == '户'
}

// addressGoesOn reports text after a space that still belongs to the address: "3栋 1单元",
// "B座 1203", "(靠近地铁站)".
func addressGoesOn(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '(' || r == '（' {
		return true
	}
	token, _, _ := strings.Cut(rest, " ")
	for _, w := range []string{"栋", "幢", "号楼", "单元", "室", "楼", "层", "号", "座", "门", "区", "路", "街", "巷", "弄", "小区", "村", "组",
		"大厦", "广场", "中心", "花园", "公寓", "苑", "城", "府", "院", "镇", "乡"} {
		if strings.Contains(token, w) {
			return true
		}
	}
	return false
}
