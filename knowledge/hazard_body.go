package knowledge

// Hazards to the body rather than from electricity or gas: a person hurt by the product
// (a child's fingers pinched by a massage chair, a hand caught in a shredder, a cut from a
// broken blade, a scald from a kettle's steam), and a part giving way that can hurt (a
// cracked folding joint or a wobbling stem on a scooter, a cracked pressure-cooker lid, a
// wall-mounted unit coming off the wall, an oven's glass shattering). They are checked with
// the other families, after them: a message about smoke and a burnt hand gets the smoke's
// advice and the burn's first aid.
const (
	HazardInjury     = "injury"     // a person hurt, pinched, trapped, cut or scalded by the product
	HazardMechanical = "mechanical" // a part that bears load or pressure cracked, loose or giving way
)

const (
	// whom is a person the product hurt: "我", "孩子", "我妈".
	whom = `(我|俺|他|她|人|孩子|小孩|宝宝|娃|老人|老人家|(?:我|俺|他|她)?(?:妈|爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|老伴|老婆|老公|媳妇|儿子|女儿|闺女|婆婆|公公|家人))`
	// hurtBody is a part of a person; 手 and 脚, which are parts of other words (手机, 扶手,
	// 把手, 二手, 机脚), have their own cue.
	hurtBody = `(手指头|手指|指头|指甲|手掌|手背|手腕|小手|胳膊|手臂|脚趾|脚丫|小脚|小腿|大腿|(?:^|[^火鸡猪])腿|膝盖|额头|脑袋|头皮|脸|眼睛|眼角|嘴唇|皮肤)`
	// hurtVerb is what a moving, sharp or hot part does to a person, with its result: a
	// pinch that is only a massage ("夹得有点疼") or a stuck part ("卡住了") is none.
	hurtVerb = `(夹|卡|压|砸|割|划|切|扎|绞|卷|轧|碾|撞|磕|刮|戳|烫|弹|崩|摔|跌)(伤|破|断|肿|青|紫|出血|出了血|红了|到|住|着|了一下|一下|进|在|起泡|出泡|烂)`
	// rideWords name something ridden or pushed: a scooter, a bicycle, a balance board.
	rideWords = `骑|滑板|平衡车|电动车|电瓶车|自行车|单车|踏板车|车把|车架|车头|轮椅|代步车|童车|扭扭车|婴儿车|推车|助力车`
	// giveWay is a load-bearing part giving way.
	giveWay = `(裂|断|开焊|脱焊|松动|松了|松脱|晃|摇|歪|变形|弯了|折了|卡不住|锁不住|扣不住|锁不紧)`
	// sitOnWords name what a person sits, lies, stands or runs on: a massage chair, an electric
	// bed, a treadmill, a cot, a ladder.
	sitOnWords = `按摩椅|按摩床|按摩沙发|按摩垫|电动床|智能床|电动沙发|功能沙发|升降桌|跑步机|走步机|椭圆机|健身车|动感单车|划船机|婴儿床|摇篮|摇椅|摇摇椅|儿童座椅|安全座椅|餐椅|梯子|人字梯|折叠梯|伸缩梯|电竞椅|办公椅|座椅|椅子|沙发|床(?:[^头单罩垫品]|$)`
	// mounted are appliances hung on a wall or a ceiling.
	mounted = `(电视|挂机|内机|空调|油烟机|烟机|热水器|壁挂炉|吸顶灯|吊灯|灯罩|浴霸|吊扇|晾衣架|显示器|投影仪|吊柜|消毒柜|挂架|支架|吊架)`
	// glassAppliance are appliances with a glass panel, door or lid that heat.
	glassAppliance = `烤箱|蒸烤箱|电磁炉|电陶炉|微波炉|洗碗机|消毒柜|油烟机|烟机|水壶|热水壶|养生壶|烧水壶|浴霸|取暖器|电暖器|锅盖`
)

var bodyCues = []hazardCue{
	// "小孩手伸到扶手缝里 被夹了一下", "手指卡进碎纸机里了", "手被刀片划破了"
	cue(HazardInjury, hurtBody+`[^?]{0,10}?`+hurtVerb, "", "", 2),
	cue(HazardInjury, `(?:^|[^扶把拉二洗徒高对选新老底机支调])(手|脚)[^?]{0,10}?`+hurtVerb,
		`手(机|柄|环|表|动|续|工|电|写|势|感|套|提|办|术|艺|法|段|柜)|脚(垫|架|轮|踏|本)|底脚|支脚|调节脚`, "", 2),
	// "把手划破了" (把 as a verb's object, not a handle), Cantonese "夹亲我个仔只手"
	cue(HazardInjury, `把(手|手指|手指头|脚|脸)[^,?]{0,2}(划|割|夹|烫|切|扎|砸|压|轧|绞|卷)(破|伤|到|了|住|进)|(夹|割|烫|砸|撞|刮|轧|压|切|整|弄)亲`, "", "", 2),
	// "把孩子烫了一下", "把我手指划了个口子", "风扇把孩子手指头打破了", "夹了孩子手指 肿了": the
	// product did it to a person, told with 把 or with the person after the verb; a near miss
	// ("差点烫到孩子") hurt no one
	cue(HazardInjury, `把`+whom+`(的)?(`+hurtBody+`|手|脚)?[^,?]{0,2}(烫|夹|砸|割|划|切|扎|压|轧|绞|卷|撞|打|刮|削)(了|伤|到|破|着|出|起|肿|青)|(夹|烫|砸|割|划|切|轧|绞)了(一下)?`+whom+`(的)?(`+hurtBody+`|手|脚)`,
		`差点|差一点|险些|幸好没|还好没|好在没`, "", 1),
	// "孩子碰了一下 烫红了一块", "烫出了个泡": a burn told by what it left on the skin
	cue(HazardInjury, `烫(红|肿|破|伤|起|出)(了)?(一块|一片|一大块|个|一个|几个)?(水)?(泡)?`, `差点|差一点|险些|幸好没|还好没|好在没|没(烫|伤)`, `孩子|小孩|宝宝|娃|老人|手|脚|腿|胳膊|脸|皮|我|俺|人`, 1),
	// "手指划了个口子", "手起了个泡", "手背起泡了": a cut or a blister on a person
	cue(HazardInjury, `(`+hurtBody+`|(?:^|[^扶把拉二洗徒高对选新老底机支调])手)[^,?]{0,4}((划|割|切|刮)(了|开|出|破)?(个|一个|一道|道|条|一条)?(大)?(口子|伤口|血口)|起(了)?(个|一个|几个|好几个|一串)?(水)?泡)`, `手(机|柄|环|表|套|提|办)`, "", 1),
	// "夹到手了", "砸到脚", "烫到宝宝的手", "划破了手指"
	cue(HazardInjury, `(夹|压|砸|割|划|切|扎|轧|碾|撞|磕|刮|烫|弹|崩|绞)(伤|破|到|住|着)(了)?(我|孩子|小孩|宝宝|我的|孩子的|小孩的|宝宝的|他的|她的)?(手指头|手指|指头|手(?:[^机柄环表]|$)|脚趾|脚|腿|额头|头|脸|眼睛|眼|孩子|小孩|宝宝|娃|人)`, "", "", 1),
	// "风扇扇叶打到了孩子的手", "叶片削到手指": a moving blade that hit someone (the blade
	// itself is mechanical; the person comes first)
	cue(HazardInjury, `(扇叶|叶片|风叶|扇页|风扇叶|风扇|电扇|刀片)[^?]{0,4}(打|削|刮|割|夹|绞|卷)(到|伤|破|住|着)(了)?(我|俺|孩子|小孩|宝宝|娃|他|她)?的?(手指头|手指|指头|小手|手|胳膊|脸|头|孩子|小孩|宝宝|人)`, "", "", 1),
	// "夹到我妈的腿了", "卡住老人家的脚": whose limb it is, said between
	cue(HazardInjury, `(夹|压|砸|割|划|切|轧|碾|绞|卡)(伤|破|到|住|着)(了)?((我|俺|他|她|人)的?|(我|俺|他|她)?(妈|爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|老人|老人家|老伴|老婆|老公|媳妇|儿子|女儿|闺女|娃娃|孩子|小孩|宝宝|婆婆|公公|家人|朋友)的?)(手指头|手指|指头|手|脚趾|脚|腿|胳膊|手臂|头|脸|背|腰)`, "", "", 1),
	// "腿上青了一块", "夹得淤青": a bruise or swelling from the product
	cue(HazardInjury, `(夹|压|砸|撞|磕|卡)[^,?]{0,12}(青了|淤青|乌青|青紫|肿了|红肿|破皮|出血)|(青了一块|淤青了|乌青了|肿起来了)`, "", `夹|压|砸|撞|磕|卡|按摩|椅|门|车`, 1),
	// "孩子手被按摩椅夹伤了", "被烫伤", "骨折了", "缝了三针": a hurt named as one
	cue(HazardInjury, `(夹|割|砸|压|烫|撞|碰|磕|摔|扎|戳|绞|轧|碾|崩|弹)伤(了|到|的)?`+`(`+hurtBody+`|手|脚)|`+hurtBody+`[^,?]{0,6}(夹|割|划|刮|砸|压|烫|撞|碰|磕|摔|扎|戳|绞|轧|碾|崩|弹)伤`, "", "", 1),
	cue(HazardInjury, `(夹|割|砸|烫|绞|轧|碾|崩)伤|受伤|伤人|伤到人|伤着人|弄伤|骨折|缝了?[一二两三四五六七八九十几0-9]{0,2}针|流血|出血|血流|见血|血泡`,
		`屏|镜头|外壳|外观|机身|表面|漆|膜|壳|边框|后盖|涂层|内胆|桌|地板|衣|布|皮套|表带|表盘|柜|管|线|轮|底座|牙龈|牙|鼻`, ""),
	// "被开水烫到了", "蒸汽喷到手上": a scald
	cue(HazardInjury, `(被|让|叫)[^,?]{0,8}烫(到|伤|着|红|起|出|破|了一下|了)|(蒸汽|蒸气|热气|开水|热水(?:[^器炉]|$)|热油)[^?]{0,8}?(烫到|烫伤|烫着|烫红|溅到|喷到|呲到)[^,?]{0,4}(手|脸|脚|腿|胳膊|身上|人|孩子|小孩|宝宝|我)`, "", "", 1),
	// "手指卡在缝里拔不出来", "孩子被困在里面"
	cue(HazardInjury, `(孩子|小孩|宝宝|娃|手指|手|胳膊|腿|脚)[^?]{0,8}(拔不出|抽不出|出不来|困在|关在)`, `(手机|把手|扶手|手柄)`, "", 2),
	// "孩子手被洗衣机门夹了", "我脚被跑步机压了": a limb or a person caught by the product
	cue(HazardInjury, `(手指头|手指|指头|小手|手|脚趾|脚|腿|胳膊|头|孩子|小孩|宝宝|娃|老人)[^,?]{0,3}被[^,?]{0,8}?(夹|压|砸|割|划|切|扎|绞|卷|轧|碾|烫|打)(了|住|到|伤|破|进)`,
		`手(机|柄|环|表|套|提|办)|脚(垫|架|轮|踏)|头发`, ""),
	// "扫地机把孩子头发卷进去了", "娃的头发被扫地机绞住了": hair on a head caught, not hair on the floor
	cue(HazardInjury, `(孩子|小孩|宝宝|娃|老人|女儿|儿子|闺女|她|我|俺)的?头发[^?]{0,8}(卷|绞|吸|缠)(进|住|到)`, `缠满|清理|清不|清洗|掉的头发|地上的`, ""),
	// "头发卷进去了 扯得头皮疼" (a brush full of hair is no hazard)
	cue(HazardInjury, `头发[^?]{0,8}(卷|绞|吸)(进|住|到)[^?]{0,10}(扯|拽|疼|痛|头皮|拔不出|出不来)`, "", ""),

	// "折叠那个地方好像裂了一条缝", "骑的时候车把会晃", "把立松了": a ridden thing giving way
	cue(HazardMechanical, `(折叠|车把|把手|把立|立管|竖管|前叉|转向|龙头|车头|车架|焊|踏板|底板|车身|座管|坐杆|座杆|车轮|轮子)[^?]{0,10}?`+giveWay, "", rideWords, 2),
	cue(HazardMechanical, `刹车[^,?]{0,4}(失灵|不灵|没用|没反应|刹不住|不好使|失效|断了|坏了|没了)|刹不住`, "", "", 1),
	// "高压锅盖子裂了", "压力锅的安全阀堵了"
	cue(HazardMechanical, `(锅盖|盖子|锅体|锅身|盖)[^?]{0,6}(裂|炸开|炸了|爆开|崩开|飞出|飞了|弹飞|变形|鼓起)|(安全阀|限压阀|泄压阀)[^?]{0,6}(堵|卡死|不动|不跳|掉了|坏了|失灵|没用|不起作用|不出气|不排气)|(爆炸|炸了|爆了)`, "", `高压锅|压力锅|压力煲`, 2),
	// "高压锅盖子扣不紧 还在漏气": a pressure cooker's lid that does not lock while steam comes
	// out under pressure can blow off
	cue(HazardMechanical, `(锅盖|盖子|盖)[^?]{0,6}(扣不紧|扣不上|扣不住|锁不紧|锁不上|锁不住|合不严|盖不严|盖不紧)[^?]{0,10}(漏气|喷气|冒气|呲气|喷汽|冒汽|喷)`, "", `高压锅|压力锅|压力煲`, 2),
	// "电视从墙上掉下来了", "内机往下掉", "挂架松动了 电视晃": a wall-mounted unit coming off
	cue(HazardMechanical, mounted+`[^?]{0,8}(掉下来|砸下来|摔下来|掉了下来|往下掉|快掉|要掉|快要掉|要砸|脱落|从墙上|往下坠|往下沉|往下滑|往下耷拉|往前倾|往外倾|下坠)`,
		`(?:^|[^热])水|冰|霜|灰|渣|油杯|油网|油盒|油(滴|珠|渍|污|点)|滴油|漏油|流油|掉油|烟管|排烟|排气管|烟道|滤网|面板|盖板|盖子|按键|旋钮|遥控|电池|标|贴|膜|字|画面|信号|网|漆|导风板|扫风|叶片|风叶|灯泡|螺丝刀`, "", 2),
	cue(HazardMechanical, `(挂架|支架|吊架|膨胀螺丝|挂板|挂钩|墙)[^?]{0,8}(松动|松了|松脱|晃|脱出|拔出|裂|断|歪)`, `插座|插头|开关|网线|线`,
		`电视|挂机|内机|空调|油烟机|烟机|热水器|壁挂炉|吊扇|吸顶灯|吊灯|浴霸|显示器|投影|吊柜|晾衣架`, 2),
	cue(HazardMechanical, `吊扇[^?]{0,6}(晃|摇|松|掉|歪)`, "", "", 1),
	// "烤箱玻璃门炸了", "电磁炉面板裂了", "钢化玻璃自爆"
	cue(HazardMechanical, `(玻璃|面板|台面|黑晶板|微晶板|炉面|灶面|门)[^?]{0,6}(炸了|炸开|炸裂|爆了|爆开|自爆|碎了|碎开|裂了|裂开|裂纹|裂缝|爆裂|裂成)|自爆`,
		`屏|手机|平板|手表|表盘|镜头|贴膜|钢化膜|后盖`, glassAppliance, 2),
	// "洗衣机门玻璃裂了": a front loader's door glass, which a spin can shatter
	cue(HazardMechanical, `(洗衣机|滚筒|烘干机|干衣机|洗烘|门)[^?]{0,4}(门玻璃|玻璃门|观察窗|玻璃)[^?]{0,4}(炸|爆|碎|裂)`, "", `洗衣机|滚筒|烘干机|干衣机|洗烘`, 2),
	// "按摩椅骨架裂了", "跑步机扶手松了 一扶就晃", "婴儿床护栏断了一根", "梯子腿弯了": the frame of
	// something sat, lain, stood or run on giving way (a split cover or a drifting belt is none)
	cue(HazardMechanical, `(骨架|框架|架子|支架|支撑|撑杆|扶手|靠背|底座|底架|脚架|支脚|椅腿|椅子腿|腿|床架|床腿|床板|床头|护栏|围栏|栏杆|立柱|横梁|焊点|焊缝|焊接|升降柱|踏板|踏步|合页|铰链|卡扣|锁扣)[^?]{0,8}?`+giveWay,
		`皮|漆|贴|膜|布|套|跑带|跑偏|气囊|按摩头|遥控|屏`, sitOnWords, 2),
	// "破壁机刀片断了", "刀网破了个洞", "扇叶飞出来了"
	cue(HazardMechanical, `(刀片|搅拌刀|刀组|锯片|砂轮)[^?]{0,6}(断|崩|碎|裂|飞出|甩出|飞了|掉进|掉到|松动|松了|脱落)|(刀头|刀网)[^?]{0,4}(断|崩|碎|裂|破了|破洞|破个洞|破了个洞)|(扇叶|叶片|风叶|扇页|风扇叶)[^?]{0,6}(飞出|甩出|飞了|崩出|打到)`, "", "", 2),
}

func init() {
	hazardCues = append(hazardCues, bodyCues...)
}
