package knowledge

import (
	"strings"
	"testing"
)

// TestHazards covers every family, the forms customers write them in, suspicions, and the
// near misses that are not hazards (a stove that won't light, a washer that takes no water).
func TestHazards(t *testing.T) {
	for _, tc := range []struct {
		text, family string // family "" = no hazard
		suspected    bool
	}{
		{"插排烧黑了还有火苗", HazardFire, false},
		// words typed apart, cut by an emoji or written with 🔥 or the traditional 著
		{"冒，烟，了", HazardSmoke, false},
		{"漏😱电了 洗衣机", HazardShock, false},
		{"插排那里冒🔥了", HazardFire, false},
		{"有🔥 插排那里", HazardFire, false},
		{"空調外機著火了", HazardFire, false},
		{"不漏，电视也好好的", "", false},
		// a touch, then what was felt, in a clause of its own; current named; a tester lighting on a casing
		{"摸洗衣机的时候 像被蚂蚁咬了一口", HazardShock, false},
		{"碰到电饭煲 被打了一下", HazardShock, false},
		{"冰箱外壳碰一下嗞的一下", HazardShock, false},
		{"摸微波炉门把手 一股电流窜到胳膊", HazardShock, false},
		{"用电笔测了一下 热水器外壳电笔亮", HazardShock, false},
		{"洗衣机外壳用电笔一测就亮", HazardShock, false},
		{"电笔测了插座 火线亮 外壳不亮", "", false},
		{"蹲久了腿麻 摸了下洗衣机 没啥感觉", "", false},
		{"冬天干燥 摸门把手啪一下 是静电吧", "", false},
		// water seen in or on a live part, a live part fallen into water, a pet's or a child's wetting
		{"厕所的电热水器插座里面有水珠", HazardWaterElectric, false},
		{"厨房水槽下面的插座湿哒哒的", HazardWaterElectric, false},
		{"鱼缸加热棒的插头掉进鱼缸了", HazardWaterElectric, false},
		{"插线板被猫尿了", HazardWaterElectric, false},
		{"手机掉进汤锅里了 现在拿去充电了", HazardWaterElectric, false},
		{"吹风机掉洗手盆里了 我赶紧捡起来 插头还插着", HazardWaterElectric, false},
		{"净水器漏水 下面没有插座", "", false},
		{"热水器有水但不热 插头插着的", "", false},
		// smoke told as a dark vapour, or a vapour that stings; a flame leaping out
		{"电视后面冒出一股灰色的气 闻着刺鼻", HazardSmoke, false},
		{"电热水壶底下冒出一团黑气", HazardSmoke, false},
		{"机器里飘出来白色的东西 有点呛 不是水汽", HazardSmoke, false},
		{"加湿器飘出来白色的雾 有点呛鼻子", "", false},
		{"电热水壶底座那块突然蹿起一点火 我赶紧拔了", HazardFire, false},
		{"插线板里面红红的一点亮 像烟头那样", HazardFire, false},
		{"部電視睇緊套戲 入面著火嗰幕跟住就freeze咗", "", false},
		// understated: a live part gone soft, current in the water, a little smoke, a slightly dizzy head
		{"插座摸着有点温乎 还有点软", HazardBurning, false},
		{"热水器洗澡时水有点点电 不是很明显", HazardShock, false},
		{"手机还有点电 就是充不进去", "", false},
		{"电视后面稍微有一点点烟 就一下", HazardSmoke, false},
		{"用完燃气热水器 头有一丢丢晕", HazardCO, false},
		{"热水器麻人得很 洗不成澡", HazardShock, false},
		{"电池股包了", HazardBattery, false},
		// the rotten-egg smell put down to eggs gone off, and not
		{"冰箱冷藏室有股臭鸡蛋味 鸡蛋放久了", "", false},
		{"厨房有股臭鸡蛋味 不是鸡蛋放坏了", HazardGas, false},
		// a headache gone once out of the bathroom, first taken for a cold
		{"燃气热水器洗澡老公老说头疼 开始以为是感冒 但一出浴室就好了", HazardCO, false},
		// a flame that leapt and singed, told after the fact; 心急火燎 is impatience
		{"昨天开着开着 后头那儿呼地窜了一下 把窗帘底下燎黑了一片", HazardFire, false},
		{"电热毯燎了个洞 床单也黄了", HazardFire, false},
		{"取暖器轰的一下蹿起来 吓死我了", HazardFire, false},
		{"心急火燎地等了一上午 洗衣机还是不转", "", false},
		// the odorant as a likeness; a smell first taken for cooking; a crackle with flashes
		{"厨房里有一种味道 像臭掉的鸡蛋 不知道哪里来的", HazardGas, false},
		{"灶台那边有股味 好像坏了的鸡蛋", HazardGas, false},
		{"洗衣机甩干的时候底下一股焦味 我还以为是谁家饭烧糊了", HazardBurning, false},
		{"俺家冰箱插座那 夜里关了灯看着一闪一闪的 还滋啦滋啦响", HazardSparks, false},
		{"插线板刺啦一声 一闪一闪的", HazardSparks, false},
		{"部Switch背面脹咗 放喺枱面都唔平", HazardBattery, false},
		{"游戏机手柄后背鼓起来了", HazardBattery, false},
		{"焗炉开咗一阵就出烟", HazardSmoke, false},
		{"电饭煲插上电就出烟了", HazardSmoke, false},
		{"扫地机底盖那块往外凸了 放地上一边高一边低", HazardBattery, false},
		{"电池那里往外凸 摸着温温的", HazardBattery, false},
		{"吹风机吹着吹着出火了 里面红红的有火苗", HazardFire, false},
		{"小米手机充电的时候充电口那冒出一小团火", HazardFire, false},
		{"洗衣机电线那里冒伙花了", HazardSparks, false},
		{"里面冒白烟 不是水汽 有股味", HazardSmoke, false},
		{"没得焦味 但是电视后头冒了点烟", HazardSmoke, false},
		{"燃气灶打不出火", "", false},
		{"这网速慢得跟从火星传过来似的 路由器重启了也没用", "", false},
		{"等回复等得我嗓子都冒烟了 你们到底管不管", "", false},
		{"中午吃的火锅 辣得嘴都着火了哈哈", "", false},
		{"电饭煲煮的饭底下一层糊了 闻着是饭糊味 锅子插头都好好的", "", false},
		{"电饭煲空着没煮东西 插上电就有焦味 不是饭糊的那种味", HazardBurning, false},
		{"手机进了点可乐 拿吹风机吹干开机试试", HazardWaterElectric, false},
		{"奶茶洒键盘上了 现在还开着机", HazardWaterElectric, false},
		{"充电口那里有点焦焦的颜色 闻着有点糊", HazardBurning, false},
		{"电视黑屏了 我闻了闻没什么烧焦味 也没冒烟", "", false},
		{"锅里的饭闻着有点糊", "", false},
		{"昨天喝了杯咖啡 电脑开不了机", "", false},
		{"修完第三天就着火了", HazardFire, false},
		{"屋里那根黄管子老滋滋响 味儿也冲", HazardGas, false},
		{"报警器一直在叫 灶也没开", HazardGas, false},
		{"洗澡出来一家人都迷迷瞪瞪的 热水器装在卫生间里", HazardCO, false},
		{"充电的时候电源适配器那块着了", HazardFire, false},
		{"取暖器倒了把沙发点着了", HazardFire, false},
		{"洗衣机后面标紧烟出嚟", HazardSmoke, false},
		{"微波炉里面一闪一闪的 像打雷 还噼啪响", HazardSparks, false},
		{"插座孔里面亮了一道弧", HazardSparks, false},
		{"电视屏幕一闪一闪的", "", false},
		{"手指碰到水龙头刺了一下", HazardShock, false},
		{"平板掉浴缸里了 吹了吹 插上充电", HazardWaterElectric, false},
		{"楼上漏水滴到电视后面了 电视还开着", HazardWaterElectric, false},
		// water from the house onto a mains-wired appliance, on or not said
		{"楼上漏水滴到空调上了", HazardWaterElectric, false},
		{"天花板渗水 正好滴在电视上面", HazardWaterElectric, false},
		{"卫生间热水器上面一直在滴水 楼上漏下来的", HazardWaterElectric, false},
		{"下大雨 窗户没关 雨水打到洗衣机上了", HazardWaterElectric, false},
		{"楼上邻居家水管爆了 水顺着吊顶淌到我家冰箱上😱", HazardWaterElectric, false},
		{"屋顶漏雨 滴到开关面板上了 咋整", HazardWaterElectric, false},
		{"楼上空调的水滴到我家空调外机上 吵死了", "", false},
		{"空调内机漏水 滴到地板上了", "", false},
		{"楼上漏水 还好没滴到空调", "", false},
		{"外机淋雨了 会不会坏", "", false},
		{"充电的时候表身有点变形了", HazardBattery, false},
		{"吹风机一股味 像塑料化了", HazardBurning, false},
		{"电饭煲煮糊了 锅底一层焦巴 有股糊味", "", false},
		{"净水器的水有股塑料味", "", false},
		{"热得我都快着火了", "", false},
		{"屋里都是白雾 像着了火一样", "", false},
		{"电饭煲出汽口一直冒白烟 正常吧", "", false},
		{"插座周围发黑了 摸着烫", HazardBurning, false},
		{"充电器烫手", HazardBurning, false},
		// probe s18: a plug warmer than it should be, in mild words; a charger runs warm
		{"冰箱插头有点热", HazardBurning, false},
		{"冰箱插头有点热 但没有烧焦的味道", HazardBurning, false},
		{"插座摸着挺热的", HazardBurning, false},
		{"笔记本充电器有点热 没有味道", "", false},
		{"空调插头有点温乎 没变色没味道", "", false},
		// what the ticket must not say is denied: "别写冒烟", "你别给俺写成着火了"
		{"我没说冒烟啊 别写冒烟", "", false},
		{"你别给俺写成着火了 消防队来了咋整", "", false},
		{"不是着火 是有糊味儿 你别给俺写成着火了", HazardBurning, false},
		// the ticket's hazard words taken back after them: "漏电那个去掉", "冒火星子不对", "覅写烧焦"
		{"漏电那个去掉 我只是说它有点静电 冬天都这样", "", false},
		{"那个冒火星子不对啊 是指示灯一闪一闪的", "", false},
		{"覅写烧焦 伊是烘干辰光衣裳本身额味道", "", false},
		// round 15 dev: a heavy head after a shower, a device too hot to hold, a crack with a flash
		{"俺妈说这几天洗完澡头有点沉 还以为是累的", HazardCO, false},
		{"背面烫得有点拿不住", HazardBattery, false},
		{"刚才冰箱后头啪啪响了两下 还闪了一下光", HazardSparks, false},
		// "泡着了" soaks, "像…烧着了那味" is a smell: no fire
		{"热水器底下一直在滴水 地上湿了一片 旁边插排也泡着了", HazardWaterElectric, false},
		{"空调不制热 屋里有股糊巴味儿 像塑料烧着了那味", HazardBurning, false},
		{"手机后盖鼓了 会不会爆炸", HazardBattery, true},
		{"热水器一直响 会不会爆炸啊", HazardFire, true},
		{"这平板卡到爆炸", "", false},
		{"可乐都冻爆了", "", false},
		{"屋里生着炉子 老爷子说脑瓜子疼 迷迷糊糊光想睡觉", HazardCO, false},
		{"燃气灶关了以后还能闻到一股味儿 呛得很", HazardGas, false},
		{"洗衣机有股臭味 家里没通燃气", "", false},
		{"电视后壳缝里透出红光 凑近一看是在烧", HazardFire, false},
		{"热水器放出来的水 手一伸进去就麻嗖嗖的", HazardShock, false},
		{"手机玩久了手有点麻", "", false},
		{"换过电池 现在充电很奇怪", "", false},
		{"部手机跌咗落水 捞返起身即刻叉电", HazardWaterElectric, false},
		{"耳机充电盒好像有点胀 盖子合不严了", HazardBattery, false},
		{"耳机里有滋滋的电流声", "", false},
		{"插排有一股交味", HazardBurning, false},
		{"遥控一按 空调那边啪一声闪了一下", HazardSparks, false},
		{"炒菜的烟把烟雾报警器弄响了", "", false},
		{"师傅说空调漏氟了 是不是漏气了才不制冷", "", false},
		{"手机掉马桶了捞起来马上插上充电", HazardWaterElectric, false},
		{"笔记本上洒了一杯奶茶 我马上插电开机", HazardWaterElectric, false},
		{"净水器接头渗水 插座在另一边 没碰到", "", false},
		{"卫生间里有股烧线哩味儿", HazardBurning, false},
		{"用肥皂水抹了一下软管接头 一直冒泡泡", HazardGas, false},
		{"关了火还有一股然气的味道", HazardGas, false},
		{"手机电池好像有点鼓", HazardBattery, false},
		{"排气口冒白烟 跟水蒸气似的 没味道", "", false},
		{"外机冒白烟 像水蒸气 但是有股焦味", HazardSmoke, false},
		{"插头那里有点点火星冒出来", HazardSparks, false},
		{"一开机就着火了", HazardFire, false},
		{"燃气灶一点就着火 就是火小", "", false},
		{"急得我冒火 洗衣机不排水", "", false},
		{"热水器烧起来嗡嗡响", "", false},
		{"油烟机那里有点火花", HazardSparks, false},
		{"微波炉里面打花了", HazardSparks, false},
		{"充电口有spark闪了一下", HazardSparks, false},
		{"充电宝鼓成球了", HazardBattery, false},
		{"后面冒了点烟出来", HazardSmoke, false},
		{"气得我直冒烟", "", false},
		{"碰那铁壳子还打了我一下手", HazardShock, false},
		{"开燃气壁炉头疼恶心", HazardCO, false},
		{"灶台底下嘶嘶的响", HazardGas, false},
		{"水滴到下面的拖板 拖板插住电", HazardWaterElectric, false},
		{"勿是焦味 是霉臭", "", false},
		{"没得焦味", "", false},
		{"充电宝自燃了", HazardFire, false},
		{"平板充着电把被子烧了个洞", HazardFire, false},
		{"暖手宝鼓起来了 充电的那种", HazardBattery, false},
		{"充了一夜 手机烫得拿不住 后盖鼓了", HazardBattery, false},
		{"厨房的插座着火了！！", HazardFire, false},
		{"电视后面冒火星子了", HazardSparks, false},
		{"微波炉里面噼里啪啦打火", HazardSparks, false},
		{"插头那里一直打火", HazardSparks, false},
		{"漏的水淌到插线板那儿了", HazardWaterElectric, false},
		{"洗衣机漏水，水流到插座上了", HazardWaterElectric, false},
		{"手机掉水里了 还能充电吗", HazardWaterElectric, true},
		{"冰箱门把手有点电人", HazardShock, false},
		{"老师傅 我家卫生间顶上那个灯往下滴水 楼上好像漏水了 灯还亮着", HazardWaterElectric, false},
		{"水从灯罩里往下滴", HazardWaterElectric, false},
		{"楼上漏水 水越滴越多了 灯闪了一下", HazardWaterElectric, false},
		{"洗衣机漏水 指示灯一直闪", "", false},
		{"俺家那电热水壶一摸壶身子手就麻 这是咋回事", HazardShock, false},
		{"昨天报修的那个热水器 现在更严重了 我老婆洗澡说全身都麻", HazardShock, false},
		{"电视机后面啪啪打伙 还闪光", HazardSparks, false},
		{"插座里面亮了一下还啪的一声然后整个屋就跳闸了", HazardSparks, false},
		{"微波炉转盘边上一直在打火 里面是空的", HazardSparks, false},
		{"cha tou da huo le, wo pa chu shi, bu gan cha le", HazardSparks, false},
		{"俺这电热水器一开就一股子燎毛味", HazardBurning, false},
		{"笔记本放桌上四个脚不平了 底壳中间往外凸", HazardBattery, false},
		{"AirPods盒子的盖子关不严了 侧面胖出来一块", HazardBattery, false},
		{"每次洗澡都洗得昏昏欲睡 我妈说可能是热水器 燃气的那种", HazardCO, false},
		{"饮水机漏水 漏到插坐上了 还通这电", HazardWaterElectric, false},
		{"手机屏幕上有个火焰一样的图标一直闪 是什么意思", "", false},
		{"平板充电好慢 背面平平的没鼓", "", false},
		{"刚才手碰到外壳被什么东西蛰了一下似的 酥酥的", HazardShock, false},
		{"电脑底下有点发热 还有滋滋声", HazardSparks, false},
		{"煎牛排的时候锅里滋滋响 油烟机吸不干净 锅很烫", "", false},
		{"被蚊子叮了一下 手痒", "", false},
		{"对了它关机前机身特别烫 出风口有股塑料味", HazardBurning, false},
		{"投影仪用一会就烫得厉害 还有股胶皮味", HazardBurning, false},
		{"摸洗衣机外壳麻麻的", HazardShock, false},
		{"是不是漏电了", HazardShock, true},
		{"热水器会不会漏电啊", HazardShock, true},
		{"冒\u200b烟了", HazardSmoke, false},
		{"阿拉屋里向个空气炸锅冒烟了，烟老大个", HazardSmoke, false},
		{"空气净化器冒烟了", HazardSmoke, false},
		{"回南天扫地机个充电座全部湿晒，仲喺度充紧电", HazardWaterElectric, false},
		{"部電話依家熱到燙手，仲脹咗", HazardBattery, false},
		{"吸奶器充电的时候有烧焦的味道", HazardBurning, false},
		{"无人机着火了", HazardFire, false},
		{"无线耳机冒烟了", HazardSmoke, false},
		{"不粘锅的电源线冒烟", HazardSmoke, false},
		{"冷气机冒烟了", HazardSmoke, false},
		{"天然气热水器冒黑烟", HazardSmoke, false},
		{"小米取暖器有火苗", HazardFire, false},
		{"小孩房间的电暖器有火苗", HazardFire, false},
		{"储水式热水器里面有火苗", HazardFire, false},
		{"排插电到我了", HazardShock, false},
		{"下面个拖板插座都湿晒，仲有啲啪啪声", HazardWaterElectric, false},
		{"把我气冒烟了 空调还是不制冷", "", false},
		{"我气得头顶冒烟 冰箱又坏了", "", false},
		{"小米充电器有股烧焦味", HazardBurning, false},
		{"米家台灯闻着有焦味", HazardBurning, false},
		{"冒\u00ad烟", HazardSmoke, false},
		{"\ufeff空调外机冒黑烟", HazardSmoke, false},
		{"冒烟倒是没有吧？", HazardSmoke, true},
		{"家里一股煤气味", HazardGas, false},
		{"燃气灶那里嗤嗤漏气", HazardGas, false},
		{"热水器开着头晕想吐", HazardCO, false},
		{"充电宝鼓起来了烫手", HazardBattery, false},
		{"手机充电的时候烫得拿不住", HazardBattery, false},
		{"电视后面一股烧焦的味道", HazardBurning, false},
		{"插头都化了", HazardBurning, false},
		{"ｍａｏｙａｎ le", HazardSmoke, false},
		{"TV背后有smoke冒出来", HazardSmoke, false},
		{"插座那里有sparks", HazardSparks, false},
		{"小天才手表戴着烫 孩子手腕都烫红了", HazardBattery, false},
		{"耳机戴着发烫 耳朵烫起泡了", HazardBattery, false},
		{"手机没有烫伤人 就是有点热", "", false},
		{"净水器一直排水 地上都是水 插座在旁边", HazardWaterElectric, false},
		{"洗衣机漏了一地水 插线板就在地上", HazardWaterElectric, false},
		{"洗衣机漏了一地水 插座在另一边 没碰到", "", false},
		{"电热毯用了一晚上 有一块特别烫还有点黄了", HazardBurning, false},
		{"取暖器开着开着 外壳烤焦了一小块", HazardBurning, false},
		{"电热垫布面有一块发黄发硬", HazardBurning, false},
		{"电褥子中间那块烫出个黄印", HazardBurning, false},
		{"暖宫带用了几次 贴肚子那面变褐色了", HazardBurning, false},
		// near misses
		{"电热毯指示灯发黄 不热", "", false},
		{"电热毯洗了以后有点发黄", "", false},
		{"洗衣机进不了水", "", false},
		{"洗衣机不进水，插头插好了", "", false},
		{"没冒烟也没焦味就是不转", "", false},
		{"空调外机冒白气正常吗", "", false},
		{"燃气灶打不着火", "", false},
		{"灶的火苗发黄", "", false},
		{"手机充电有点温热", "", false},
		{"油烟机吸力小油烟大", "", false},
		{"电热水器插上电源没反应", "", false},
		{"手机充电到80%就充不进了", "", false},
		{"电饭煲煮饭有糊味", "", false},
		{"热水器坏了真头疼", "", false},
		{"煤气热水器漏水", "", false},
		{"电压力锅盖子漏气", "", false},
		{"新买的电暖器有股塑料味 正常吗", "", false},
		{"不对不对 是电压力锅 伊个盖子合勿牢 一直漏气", "", false},
		{"高压锅放上去 一直漏气 嗤嗤响 是圈坏了吧", "", false},
		{"充电着呢", "", false},
	} {
		hits := Hazards(tc.text)
		got, sus := "", false
		if len(hits) > 0 {
			got, sus = hits[0].Family, hits[0].Suspected
		}
		if tc.family == "" && len(hits) > 0 {
			t.Errorf("Hazards(%q) = %+v, want none", tc.text, hits)
			continue
		}
		if tc.family != "" && !hasFamily(hits, tc.family) {
			t.Errorf("Hazards(%q) = %+v, want %s", tc.text, hits, tc.family)
			continue
		}
		if tc.family != "" && got == tc.family && sus != tc.suspected {
			t.Errorf("Hazards(%q) suspected = %v, want %v", tc.text, sus, tc.suspected)
		}
	}
}

func hasFamily(hits []HazardHit, f string) bool {
	for _, h := range hits {
		if h.Family == f {
			return true
		}
	}
	return false
}

// TestSafetyFallsBackToTheCatalog: a hazard family whose shipped rule an editor removed is
// still caught, with the catalog's advice, and escalated as urgent.
func TestSafetyFallsBackToTheCatalog(t *testing.T) {
	set, err := Parse(map[string][]byte{"categories.yaml": []byte("categories: []\n")})
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewMatcher(set)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := m.Safety("插排冒火苗了")
	if !ok || !got.Safety || got.Rule.EscalationPriority() != PriorityUrgent || !strings.Contains(got.Rule.Advice, "119") {
		t.Fatalf("Safety = %+v, %v; want the catalog's fire advice, urgent", got, ok)
	}
}

// TestHazardsNotFromNormalFlames: lighting a stove or heater, annoyance and bad smells are
// not hazards (found by the editors' review).
func TestHazardsNotFromNormalFlames(t *testing.T) {
	for _, text := range []string{"热水器着火很慢", "点了好几次才着火", "一打就着火了", "火焰发黄", "火苗很小", "点火后冒出一点火苗就灭",
		"热水器点火时里面有火花", "停电了我家冰箱不冷了", "热水器太吵得我头疼", "卫生间味道很恶心", "气得我冒火", "热水器用着用着火灭了"} {
		if hits := Hazards(text); len(hits) > 0 {
			t.Errorf("Hazards(%q) = %+v, want none", text, hits)
		}
	}
	for _, text := range []string{"插头有燶味", "厨房着咗火", "洗衣机外壳有啲电", "冰箱电着我了", "手机电池胀咗", "后盖凸起来了", "冲凉冲到头晕晕 热水器开着", "燃气表还在走"} {
		if hits := Hazards(text); len(hits) == 0 {
			t.Errorf("Hazards(%q) = none, want a hazard", text)
		}
	}
}

// TestDeniedOnly: a message that denies every word of a family has answered its question.
func TestDeniedOnly(t *testing.T) {
	for _, tc := range []struct {
		family, text string
		want         bool
	}{
		{HazardShock, "不麻不电 就是门把手松了", true},
		{HazardShock, "冰箱门把手不电人 就是门关不严", true},
		{HazardShock, "不漏电 但是摸着有点麻", false},
		{HazardSmoke, "没冒烟 就是不制冷", true},
		{HazardSmoke, "没想到冒烟了", false},
		{HazardBattery, "平板充电好慢 背面平平的没鼓", true},
		{HazardBattery, "手机有点卡", false},
		{HazardWaterElectric, "热水器水管接头漏水 离电很远", true},
	} {
		if got := DeniedOnly(tc.family, tc.text); got != tc.want {
			t.Errorf("DeniedOnly(%s, %q) = %v, want %v", tc.family, tc.text, got, tc.want)
		}
	}
}

// TestWaterAround: water lying about or on a live part, not denied.
func TestWaterAround(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"洗衣机漏电 地上全是水", true},
		{"插座进水了 还冒火花", true},
		{"空调外机冒火花 还下着雨", true},
		{"插座冒火花 没进水", false},
		{"插座冒火花", false},
	} {
		if got := WaterAround(tc.text); got != tc.want {
			t.Errorf("WaterAround(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestExplainedFigures: a figure of speech with a smoke or fire word explains it away, so an
// editor's looser trigger stays quiet too.
func TestExplainedFigures(t *testing.T) {
	for _, text := range []string{"空调开制热有点干 嗓子冒烟", "中午吃的火锅 辣得嘴都着火了哈哈", "冰箱冷藏室有股臭鸡蛋味 鸡蛋放久了"} {
		if !Explained(text) || len(Hazards(text)) > 0 {
			t.Errorf("%q: explained %v, hazards %v; want explained, none", text, Explained(text), Hazards(text))
		}
	}
}
