package knowledge

import (
	"io/fs"
	"strings"
	"sync"
	"unicode"

	gopinyin "github.com/mozillazg/go-pinyin"
	"gopkg.in/yaml.v3"
)

// knownPinyin maps the pinyin of the words the shipped knowledge knows — category names
// and aliases, brand names and aliases, rule keywords and synonyms — to the words, so a
// customer typing "meidi kongtiao buzhileng" or "rongsheng bingxiang loushui" is read like one
// typing the characters. The hand-made pinyin table wins over it; a word's usual reading
// wins over its rarer ones ("美的" is "meide" and "meidi", "格力" only "geli" unless no other
// word reads "heli"). Built once, on the first run of letters the table cannot read.
var knownPinyin = sync.OnceValue(func() map[string]string {
	words := shippedWords(ShippedFS())
	out := map[string]string{}
	args := gopinyin.NewArgs()
	args.Heteronym = true
	var rare [][2]string
	for _, w := range words {
		readings := gopinyin.Pinyin(w, args)
		if len(readings) != len([]rune(w)) {
			continue
		}
		combos := []string{""}
		for _, syl := range readings {
			var next []string
			for _, c := range combos {
				for _, s := range syl {
					if len(next) < maxPinyinCombos {
						next = append(next, c+s)
					}
				}
			}
			combos = next
		}
		for i, c := range combos {
			if i == 0 {
				if _, ok := out[c]; !ok {
					out[c] = w
				}
			} else {
				rare = append(rare, [2]string{c, w})
			}
		}
	}
	for _, w := range strings.Fields(commonWords) { // their usual reading only
		var b strings.Builder
		for _, syl := range gopinyin.LazyPinyin(w, gopinyin.NewArgs()) {
			b.WriteString(syl)
		}
		if c := b.String(); c != "" {
			if _, ok := out[c]; !ok {
				out[c] = w
			}
		}
	}
	for _, r := range rare {
		if _, ok := out[r[0]]; !ok {
			out[r[0]] = r[1]
		}
	}
	return out
})

// commonWords are everyday words customers type around the knowledge's words, read in
// pinyin by their usual reading: "wo jia reshuiqi bu jiare le".
const commonWords = `我 我们 我家 家 家里 的 了 啊 吧 呢 吗 呀 哦 嗯 个 一个 这 这个 那 那个 就 也 都 还 又 很 太 好 不 没 没有
有 是 在 会 能 要 想 说 看 用 开 关 买 修 换 退 坏 响 漏 冒 烧 闻 摸 电 水 火 烟 气 味 声 热 冷 凉 烫 麻 黑 亮 花 卡 慢 快
时候 一直 经常 总是 突然 今天 昨天 前天 刚才 刚刚 早上 晚上 现在 已经 之前 以前 后来 然后 但是 可是 因为 所以 还是 或者
怎么 怎么办 怎么回事 什么 为什么 多少 多少钱 几天 多久 哪里 能不能 可以 不行 不能 不会 不了 不到 不上 不出 不动 不转
显示 加热 脱水 排水 进水 出水 热水 冷水 声音 噪音 很大 很响 响声 异味 味道 焦味 糊味 漏电 漏水 漏气 冒烟 着火 火花
插头 插座 电源 开机 关机 重启 黑屏 花屏 死机 充电 充不进 电池 屏幕 按键 遥控器 门 灯 风 制冷 制热 温度 度数
去年 今年 前年 个月 年 月 号 天 型号 序列号 知道 不知道 不清楚 不记得 电话 手机号 地址 名字 姓 师傅 上门 维修 报修
保修 保修期 免费 收费 发票 京东 天猫 淘宝 拼多多 苏宁 官网 专卖店 商场 安装 售后 客服 人工 转人工 投诉 谢谢 再见 你好
在吗 好的 行 可以 解决 解决了 没解决 好了 没用 试了 试过 还是 一样 老样子
连 连不上 连接 网络 信号 没信号 故障 问题 毛病 出问题 报警 代码 错误 一下 一点 有点 特别 非常
算了 不修了 不弄了 凑合 凑合用 先不修
还能喝吗 能喝吗 还能吃吗 能吃吗 能洗澡吗 还能喝 能喝 还能吃 能吃 洗澡 米饭`

// maxPinyinCombos bounds the readings kept of one word (a character may have several).
const maxPinyinCombos = 16

// shippedWords are the Chinese words of the shipped knowledge worth reading in pinyin:
// two to five characters, Han only. They are read from the YAML directly, not through
// Parse, which itself reads text in Canon form.
func shippedWords(fsys fs.FS) []string {
	// names and brands come first, rule words after: the first word wins a shared reading
	var names, ruleWords []string
	add := func(to *[]string, list ...string) {
		for _, w := range list {
			n := 0
			for _, r := range w {
				if !unicode.Is(unicode.Han, r) {
					n = -1
					break
				}
				n++
			}
			if n >= 2 && n <= 5 {
				*to = append(*to, w)
			}
		}
	}
	type brand struct {
		Name    string   `yaml:"name"`
		Aliases []string `yaml:"aliases"`
	}
	var doc struct {
		Categories []struct {
			Name    string   `yaml:"name"`
			Aliases []string `yaml:"aliases"`
			Brands  []brand  `yaml:"brands"`
		} `yaml:"categories"`
		Rules []struct {
			Triggers struct {
				Keywords []string `yaml:"keywords"`
				Synonyms []string `yaml:"synonyms"`
			} `yaml:"triggers"`
		} `yaml:"rules"`
	}
	_ = fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") {
			return nil
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return nil
		}
		doc.Categories, doc.Rules = nil, nil
		if yaml.Unmarshal(data, &doc) != nil {
			return nil
		}
		for _, c := range doc.Categories {
			add(&names, c.Name)
			add(&names, c.Aliases...)
			for _, b := range c.Brands {
				add(&names, b.Name)
				add(&names, b.Aliases...)
			}
		}
		for _, r := range doc.Rules {
			add(&ruleWords, r.Triggers.Keywords...)
			add(&ruleWords, r.Triggers.Synonyms...)
		}
		return nil
	})
	return append(names, ruleWords...)
}

// pinyinWord returns the Chinese a run of pinyin letters stands for: the hand-made table,
// then the words of the knowledge.
func pinyinWord(p string) (string, bool) {
	if zh, ok := pinyin[p]; ok {
		return zh, true
	}
	zh, ok := knownPinyin()[p]
	return zh, ok
}
