package bot

import "testing"

func TestParseName(t *testing.T) {
	tests := []struct {
		text string
		want string
		ok   bool
	}{
		{"张三", "张三", true},
		{"我叫张三", "张三", true},
		{"我是张三", "张三", true},
		{"张三就行", "张三", true},
		{"叫我小王吧", "小王", true},
		{"我姓王", "王", true},
		{"免贵姓李", "李", true},
		{"王先生", "王先生", true},
		{"欧阳女士", "欧阳女士", true},
		{"欧阳娜娜", "欧阳娜娜", true},
		{"诸葛亮。", "诸葛亮", true},
		{"姓名：刘德华", "刘德华", true},
		{"Tom", "Tom", true},
		{"李", "李", true},
		{"不告诉你", "", false},
		{"不想说", "", false},
		{"13800138000", "", false},
		{"好的", "", false},
		{"你好", "", false},
		{"我的空调坏了怎么办啊", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, ok := ParseName(tt.text)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseName(%q) = %q, %v; want %q, %v", tt.text, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestExtractName(t *testing.T) {
	tests := []struct {
		text    string
		name    string
		surname bool
	}{
		{"我叫张三，电话13800138000", "张三", false},
		{"我叫张三电话13800138000", "张三", false},
		{"我姓王，空调坏了", "王", true},
		{"王先生，空调不制冷", "王先生", true},
		{"你好，我是李女士", "李女士", true},
		{"联系人：李四 13800138000", "李四", false},
		{"完美的体验没了", "", false},
		{"我叫了好几次客服都没人理", "", false}, // 我叫 here is "I called"
		{"谢谢师傅", "", false},
		{"空调不制冷", "", false},
		// a bare 姓 opening the message or a clause; the whole name told after it; a relative's name
		{"姓潘，手机13701148592，先留个联系方式", "潘", true},
		{"电话13812345678 姓王", "王", true},
		{"姓赵，赵大刚", "赵大刚", false},
		{"老百姓家里的空调坏了", "", false},
		{"俺姓常 电话15837825504", "常", true},
		{"我爸叫殷德明 电话13852790344", "殷德明", false},
		{"我妈姓陈 陈玉梅", "陈玉梅", false},
		{"我爸叫我别修了", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f := Extract(tt.text, testNow, nil)
			if f.Name != tt.name || f.NameSurname != tt.surname {
				t.Errorf("Extract(%q) name = %q surname %v; want %q %v", tt.text, f.Name, f.NameSurname, tt.name, tt.surname)
			}
		})
	}
}

func TestParseAddress(t *testing.T) {
	tests := []struct {
		text string
		want string
		ok   bool
	}{
		{"北京市朝阳区建国路88号", "北京市朝阳区建国路88号", true},
		{"地址是上海市浦东新区张江路100弄5号302室", "上海市浦东新区张江路100弄5号302室", true},
		{"我家在幸福小区3栋2单元501", "幸福小区3栋2单元501", true},
		{"杭州西湖区文三路200号，电话13800138000", "杭州西湖区文三路200号", true},
		{"深圳市南山区科技园", "深圳市南山区科技园", true},
		{"朝阳区", "", false},
		{"北京", "", false},
		{"广东省广州市天河区", "", false}, // no street: a technician cannot find it
		{"不方便说", "", false},
		{"在家", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, ok := ParseAddress(tt.text)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseAddress(%q) = %q, %v; want %q, %v", tt.text, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestExtractAddress(t *testing.T) {
	tests := []struct {
		text, address, region, city string
	}{
		{"地址北京市朝阳区建国路88号SOHO现代城A座1201", "北京市朝阳区建国路88号SOHO现代城A座1201", "北京", "北京"},
		{"我家在广东省深圳市南山区科技园科苑路15号，手机13912345678", "广东省深圳市南山区科技园科苑路15号", "广东", "深圳"},
		{"住在杭州市西湖区文三路200号3幢2单元501室", "杭州市西湖区文三路200号3幢2单元501室", "浙江", "杭州"},
		{"成都市武侯区人民南路四段1号，空调漏水", "成都市武侯区人民南路四段1号", "四川", "成都"},
		{"地址：幸福小区3栋2单元501电话13800138000", "幸福小区3栋2单元501", "", ""},
		{"在北京国美买的", "", "", ""},
		{"我在路上", "", "", ""},
		// a district without its city, after 住
		{"住东城区东四十条 南门仓胡同12号院3号楼", "东城区东四十条 南门仓胡同12号院3号楼", "", ""},
		// an address told alone: a district or a road with its door number
		{"朝阳区幸福路8号", "朝阳区幸福路8号", "", ""},
		{"好的 体育西路12号302", "体育西路12号302", "", ""},
		{"海淀区中关村大街27号1202室", "海淀区中关村大街27号1202室", "", ""},
		{"我在路上 一会回你", "", "", ""},
		{"路由器8号坏的", "", "", ""},
		// the door number ends an address when what follows is no part of it
		{"地址郑州市金水区农业路东段36号院5号楼2单元602 我跟你说 这次不修了", "郑州市金水区农业路东段36号院5号楼2单元602", "河南", "郑州"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f := Extract(tt.text, testNow, nil)
			if f.Address != tt.address || f.Region != tt.region || f.City != tt.city {
				t.Errorf("Extract(%q) address = %q (%q %q); want %q (%q %q)", tt.text, f.Address, f.Region, f.City, tt.address, tt.region, tt.city)
			}
		})
	}
}

func TestRegionOf(t *testing.T) {
	tests := []struct{ address, region, city string }{
		{"北京市朝阳区", "北京", "北京"},
		{"广东省深圳市南山区", "广东", "深圳"},
		{"深圳南山区", "广东", "深圳"},
		{"广州市越秀区北京路", "广东", "广州"},
		{"北京路88号", "", ""}, // a street named after Beijing
		{"内蒙古呼和浩特市", "内蒙古", "呼和浩特"},
		{"江苏省昆山市", "江苏", ""},
		{"火星基地", "", ""},
	}
	for _, tt := range tests {
		if r, c := RegionOf(tt.address); r != tt.region || c != tt.city {
			t.Errorf("RegionOf(%q) = %q, %q; want %q, %q", tt.address, r, c, tt.region, tt.city)
		}
	}
}
