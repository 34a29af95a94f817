package bot

// otherProducts are household products customers report that a brand's knowledge may not
// cover. They are language, not product knowledge: when no category of the knowledge base
// is named, one of these names the product, and the case goes on as OtherCategory with the
// product as the customer said it, instead of a loop of "请问是哪类产品". Where the knowledge
// base has a category for one of them, its aliases win: products() runs first.
var otherProducts = []string{
	"电动牙刷", "冲牙器", "吹风机", "电吹风", "卷发棒", "直发器", "夹板", "剃须刀", "刮胡刀", "理发器",
	"打印机", "复印机", "扫描仪", "投影仪", "投影机", "显示器", "台式机", "台式电脑", "主机", "一体机",
	"鼠标", "键盘", "音箱", "音响", "蓝牙音箱", "智能音箱", "小爱音箱", "回音壁", "功放", "收音机",
	"空气净化器", "净化器", "加湿器", "除湿机", "抽湿机", "新风机", "电风扇", "风扇", "落地扇", "空调扇",
	"取暖器", "暖风机", "电暖器", "小太阳", "油汀", "电热毯", "暖手宝", "浴霸", "晾衣架", "电动晾衣架",
	"电动车", "电瓶车", "平衡车", "滑板车", "相机", "单反", "微单", "运动相机", "无人机", "游戏机",
	"游戏手柄", "手柄", "按摩椅", "按摩仪", "颈椎按摩仪", "筋膜枪", "跑步机", "动感单车", "体重秤",
	"体脂秤", "电子秤", "血压计", "血糖仪", "额温枪", "咖啡机", "面包机", "烤箱", "电烤箱", "蒸箱",
	"消毒柜", "集成灶", "饮水机", "管线机", "吸尘器", "除螨仪", "挂烫机", "电熨斗", "智能锁", "指纹锁",
	"门锁", "摄像头", "监控", "门铃", "可视门铃", "充电宝", "移动电源", "电子书", "阅读器", "学习机",
	"点读笔", "翻译机", "对讲机", "机顶盒", "电视盒子", "投屏器", "智能马桶", "马桶盖", "冰柜", "酒柜",
	"制冰机", "垃圾处理器", "电蚊拍", "灭蚊灯", "台灯", "吸顶灯", "电动窗帘", "热水壶", "电热水壶",
}

var setOtherProducts = wordSet(otherProducts)

// otherProduct names a product outside the knowledge base's categories, when the message
// names no category the base knows.
func (x *extraction) otherProduct() {
	if x.f.Category != "" {
		return
	}
	s := x.s
	for i := 0; i < len(s); i += runeLen(s, i) {
		if end, ok := x.taken(i); ok {
			i = end - runeLen(s, prevRuneStart(s, end))
			continue
		}
		if _, end, ok := setOtherProducts.at(s, i); ok {
			x.f.Category, x.f.Product = OtherCategory, s[i:end]
			x.mark(i, end, spanCategory)
			return
		}
	}
}
