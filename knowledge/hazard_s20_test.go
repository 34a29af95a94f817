package knowledge

import "testing"

// TestHazardsToldAslant covers hazards told without the family's plain words, each class
// with its look-alikes: Cantonese for burning, a jolt felt on touch, a hiss beside a smell,
// a laptop's trackpad lifted, a burning smell told as a likeness, a person caught, water at
// a live part told in the next clause, a plug that crackles, flashes or is darkened, a
// Cantonese A-not-A question, and a hazard told
// by someone who says they cannot cope ("不会弄"), which is no worry about the future.
func TestHazardsToldAslant(t *testing.T) {
	for _, tc := range []struct {
		text, family string // family "" = no hazard
		suspected    bool
	}{
		{"充电宝嗰度烧咗起嚟啊", HazardFire, false},
		{"拖板烧起嚟喇", HazardFire, false},
		{"插苏烧紧啊", HazardFire, false},
		{"煲汤烧紧", "", false},
		{"烧水壶烧起来嗡嗡响", "", false},

		{"冰箱门把手一碰就酥一下", HazardShock, false},
		{"俺摸那铁皮子激了我一下", HazardShock, false},
		{"摸洗衣机 手一激", HazardShock, false},
		{"碰了下热水器外壳 酥了一下", HazardShock, false},
		{"摸了一下屏幕 刺激了一下", "", false},

		{"管子那儿嘶嘶响 闻着有味", HazardGas, false},
		{"厨房里丝丝地响 一股味儿", HazardGas, false},
		{"闻着有股味 那根管子还嘶嘶的", HazardGas, false},
		{"炒菜的时候锅嘶嘶响 一股油味", "", false},
		{"水管嘶嘶响 没闻到味", "", false},

		{"笔记本触控板往上拱", HazardBattery, false},
		{"触摸板按不下去了 往上顶", HazardBattery, false},
		{"电脑键盘中间拱上来了", HazardBattery, false},
		{"键盘按键往上顶不回去了 有个键卡住", "", false},

		{"换了个插座现在热得挺好", "", false},
		{"插头热得好快", HazardBurning, false},
		{"好了 就是插座那有点焦味", HazardBurning, false},
		{"闻着像电线皮烧了", HazardBurning, false},
		{"闻起来跟塑料烧着了似的", HazardBurning, false},
		{"闻到像胶皮烧焦了", HazardBurning, false},
		{"闻着像烧烤的味", "", false},

		{"孩子手被洗衣机门夹了", HazardInjury, false},
		{"我脚被跑步机压了", HazardInjury, false},
		{"扫地机把孩子头发卷进去了", HazardInjury, false},
		{"娃的头发被扫地机绞住了", HazardInjury, false},
		{"手机被压了一下 屏幕裂了", "", false},
		{"扫地机滚刷缠满了头发 清不下来", "", false},

		{"鞋柜旁边那个插座 有水 孩子刚拖完地", HazardWaterElectric, false},
		{"插线板那块 全是水", HazardWaterElectric, false},
		{"墙上插座 湿哒哒的", HazardWaterElectric, false},
		{"插座那边 没有水", "", false},
		{"热水器插头插好了 有水出来了", "", false},

		{"电视没啥大毛病 就是后面插头那块老是吱吱地响 还闪了两下", HazardSparks, false},
		{"插座里面滋滋的响 闪了几下", HazardSparks, false},
		{"墙插里头吱吱啦啦的 还冒亮光", HazardSparks, false},
		{"插座上的指示灯闪了几下", "", false},
		{"路由器指示灯闪了两下", "", false},

		{"然后今天早上发现插头那块有点焦黑", HazardBurning, false},
		{"插座孔里熏黑了", HazardBurning, false},
		{"黑色的插座 不通电", "", false},
		{"耳机线黑黑的", "", false},

		// Cantonese 系唔系 (系不是 once in Canon form) asks, it does not deny
		{"系唔系漏电呀", HazardShock, true},
		{"系唔系冒烟", HazardSmoke, true},

		{"插头那里有火在烧怎么办啊我一个老太婆不会弄", HazardFire, false},
		{"插排着火了 我不会弄啊", HazardFire, false},
		{"插了一晚上 不会着火吧", HazardFire, true},
	} {
		hits := Hazards(tc.text)
		if tc.family == "" {
			if len(hits) > 0 {
				t.Errorf("Hazards(%q) = %+v, want none", tc.text, hits)
			}
			continue
		}
		if !hasFamily(hits, tc.family) {
			t.Errorf("Hazards(%q) = %+v, want %s", tc.text, hits, tc.family)
			continue
		}
		for _, h := range hits {
			if h.Family == tc.family && h.Suspected != tc.suspected {
				t.Errorf("Hazards(%q) suspected = %v, want %v", tc.text, h.Suspected, tc.suspected)
			}
		}
	}
}
