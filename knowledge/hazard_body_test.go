package knowledge

import "testing"

// TestBodyHazards covers a person hurt by the product, a part giving way that can hurt, and
// a breaker tripping at switch-on, in many wordings, with the look-alikes that are none: a
// massage that is a little too strong, clothes caught in a door, a stuck part, a cracked
// phone screen, a washer shaking on spin.
func TestBodyHazards(t *testing.T) {
	for _, tc := range []struct {
		text, family string // "" = no hazard
	}{
		// a person hurt
		{"卡住那会我家小孩手伸到扶手缝里，被夹了一下，手指头红了一道，还在哭", HazardInjury},
		{"你听到没有，孩子手被按摩椅夹伤了！这椅子还能用吗？", HazardInjury},
		{"靠背放下去升不起来，卡住了，遥控器没反应，小孩手指被扶手缝夹伤了", HazardInjury},
		{"碎纸机把我手指卷进去了", HazardInjury},
		{"我手卡在碎纸机口上了 好疼", HazardInjury},
		{"破壁机刀片崩了 把手划破了 流了好多血", HazardInjury},
		{"烧水的时候被水壶的蒸汽烫到了", HazardInjury},
		{"水壶盖子弹开 开水溅到手上了", HazardInjury},
		{"跑步机把孩子的脚夹住了", HazardInjury},
		{"电动晾衣架降下来砸到头了", HazardInjury},
		{"升降桌往下降的时候夹到手了😭", HazardInjury},
		{"孩子的手指卡在风扇罩里拔不出来", HazardInjury},
		{"剃须刀刮破脸了 还在出血", HazardInjury},
		{"吹风机把头发卷进去了 扯得头皮疼", HazardInjury},
		{"电动窗帘夹到宝宝的手了", HazardInjury},
		{"俺家娃手指头叫按摩椅夹肿了", HazardInjury},
		{"個按摩椅夾親我個仔隻手", HazardInjury},
		{"摔了一跤 膝盖摔破了", HazardInjury},
		{"料理机盖子没扣好 刀转起来割伤了手", HazardInjury},
		{"会不会夹到孩子的手啊", HazardInjury}, // a fear counts
		{"按摩椅靠背夹到我妈的腿了 青了一块", HazardInjury},
		{"停的时候我妈说椅子里卡住她腿了，好一会儿才抽出来", HazardInjury},
		{"升降桌压到老人家的手了", HazardInjury},
		{"按摩椅把腿夹青了", HazardInjury},
		// a part giving way
		{"Hi，我的电动滑板车折叠那个地方好像裂了一条缝，骑的时候车把会晃", HazardMechanical},
		{"折叠处有裂缝，骑的时候车把晃，怕骑着骑着断了", HazardMechanical},
		{"平衡车踏板裂开了", HazardMechanical},
		{"电动车刹车失灵了", HazardMechanical},
		{"滑板车把立松动了 骑着晃得厉害", HazardMechanical},
		{"自行车车架焊缝那里裂了", HazardMechanical},
		{"高压锅的盖子裂了一道", HazardMechanical},
		{"电压力锅的安全阀堵了", HazardMechanical},
		{"电视从墙上掉下来了", HazardMechanical},
		{"空调内机松动了 感觉要掉下来", HazardMechanical},
		{"挂架松了 电视一直晃", HazardMechanical},
		{"吊扇转起来晃得厉害", HazardMechanical},
		{"烤箱的玻璃门炸了", HazardMechanical},
		{"电磁炉面板裂了 还能用吗", HazardMechanical},
		{"破壁机刀片断了", HazardMechanical},
		{"热水器挂在墙上 膨胀螺丝松了 往下歪", HazardMechanical},
		{"按摩椅骨架那里裂了一道口子 坐上去嘎吱响", HazardMechanical},
		{"跑步机扶手松了 一扶就晃", HazardMechanical},
		{"婴儿床的护栏断了一根", HazardMechanical},
		{"人字梯的腿弯了 站上去歪", HazardMechanical},
		{"电动床床架焊点开焊了", HazardMechanical},
		{"按摩椅靠背支撑杆断咗", HazardMechanical},
		{"办公椅底座裂了 坐着往后仰", HazardMechanical},
		// a breaker tripping when the appliance is switched on: leakage
		{"你好，我那个电水壶一插上电，家里就跳闸，跳了好几次了", HazardShock},
		{"没有碰到水。就是一插就跳闸，别的电器插那个插座都好好的", HazardShock},
		{"洗衣机一开就跳空开", HazardShock},
		{"热水器一加热漏保就跳", HazardShock},
		{"空调开机就跳闸咋回事", HazardShock},
		// a scorched contact, told late
		{"对了，我刚才看了一哈，热水器下面插头那里有点黑，是不是烧了哦", HazardBurning},
		{"我用手摸了一下底座，那个金属片有点发黑，是不是这个原因", HazardBurning},
		// look-alikes
		{"按摩力度太大有点疼", ""},
		{"按摩椅夹腿的气囊夹得太紧了 有点疼", ""},
		{"洗衣机门夹衣服", ""},
		{"滚筒洗衣机门封圈把衣服夹破了", ""},
		{"扫地机滚刷卷了好多头发", ""},
		{"头发缠在滚刷上了", ""},
		{"手机屏幕裂了", ""},
		{"手机卡在开机画面", ""},
		{"手机屏幕划伤了", ""},
		{"外壳磕伤了一块", ""},
		{"洗衣机脱水的时候晃得厉害", ""},
		{"靠背放下去升不起来了，一直卡着", ""},
		{"纸卡在碎纸机里了", ""},
		{"空调面板掉下来了", ""},
		{"挂机底下吧嗒吧嗒往下掉水珠", ""},
		{"电压力锅的胶圈变形了，哪里能买", ""},
		{"压力锅盖子打不开", ""},
		{"上个礼拜摔了一跤之后发现的，人没事", ""},
		{"昨天停电跳闸以后空调就不制冷了", ""},
		{"插上电没跳闸 就是不加热", ""},
		{"插头是黑色的", ""},
		{"人没受伤 就是吓了一跳", ""},
		{"折叠屏手机屏幕裂了", ""},
		{"水龙头有点松", ""},
		{"冰箱门把手松了", ""},
		{"按摩椅的皮裂了 不好看", ""},
		{"跑步机跑带跑偏了 往左歪", ""},
		{"按摩椅扶手的气囊不充气了", ""},
		{"沙发套破了", ""},
		{"热水器啲水烫到死 调低咗都冇用", ""},
		{"扫地机的吸口被一根火腿肠卡住了", ""},
	} {
		hits := Hazards(tc.text)
		got := ""
		if len(hits) > 0 {
			got = hits[0].Family
		}
		if got != tc.family {
			t.Errorf("Hazards(%q) = %v, want %q", tc.text, hits, tc.family)
		}
	}
}
