package handlers

import "testing"

func TestMasks(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{maskName("张伟"), "张*"},
		{maskName("欧阳娜娜"), "欧***"},
		{maskName("李"), "李*"},
		{maskName(""), ""},
		{maskPhone("13800138000"), "138****8000"},
		{maskPhone("021-12345678"), "021*****5678"},
		{maskPhone("12345"), "*2345"},
		{maskPhone("1234"), "****"},
		{maskAddress("上海市浦东新区世纪大道100号"), "上海市浦东新****"},
		{maskAddress("北京朝阳"), "北京****"},
		{maskAddress(""), ""},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
