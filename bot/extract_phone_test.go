package bot

import (
	"errors"
	"testing"
)

func TestParsePhone(t *testing.T) {
	mobile := Phone{Number: "13800138000", Kind: PhoneMobile}
	tests := []struct {
		text string
		want Phone
		err  error
	}{
		{"13800138000", mobile, nil},
		{"138 0013 8000", mobile, nil},
		{"138-0013-8000", mobile, nil},
		{"+86 138 0013 8000", mobile, nil},
		{"+8613800138000", mobile, nil},
		{"8613800138000", mobile, nil},
		{"008613800138000", mobile, nil},
		{"我的手机号是13800138000", mobile, nil},
		{"手机：１３８００１３８０００", mobile, nil}, // full-width digits
		{"幺三八零零幺三八零零零", mobile, nil},    // read out by voice recognition
		{"19912345678", Phone{"19912345678", PhoneMobile}, nil},
		{"010-12345678", Phone{"010-12345678", PhoneLandline}, nil},
		{"01012345678", Phone{"010-12345678", PhoneLandline}, nil},
		{"(010)12345678", Phone{"010-12345678", PhoneLandline}, nil},
		{"0755 8888 6666", Phone{"0755-88886666", PhoneLandline}, nil},
		{"0755-88886666", Phone{"0755-88886666", PhoneLandline}, nil},
		{"座机021-6888 8888", Phone{"021-68888888", PhoneLandline}, nil},
		{"1380013800", Phone{}, ErrPhoneTooShort},
		{"138001380001", Phone{}, ErrPhoneTooLong},
		{"12345678901", Phone{}, ErrPhoneNotMobile},
		{"10086", Phone{}, ErrPhoneTooShort},
		{"88886666", Phone{}, ErrPhoneNoAreaCode},
		{"138OO138OOO", Phone{}, ErrPhoneLetters},
		{"abc", Phone{}, ErrPhoneEmpty},
		{"", Phone{}, ErrPhoneEmpty},
		{"不告诉你", Phone{}, ErrPhoneEmpty},
		{"+1 415 555 2671", Phone{Number: "+14155552671", Kind: PhoneAbroad}, nil}, // abroad: still a number to call
		{"+852 9123 4567", Phone{Number: "+85291234567", Kind: PhoneAbroad}, nil},
		{"我係香港嘅 電話 9123 4567", Phone{Number: "+85291234567", Kind: PhoneAbroad}, nil},
		{"0912345678", Phone{Number: "+886912345678", Kind: PhoneAbroad}, nil}, // a Taiwan mobile
		{"00886912345678", Phone{Number: "+886912345678", Kind: PhoneAbroad}, nil},
		{"+852 1234", Phone{}, ErrPhoneInvalid},
		{"4008123123", Phone{}, ErrPhoneInvalid},
		{"0000000000", Phone{}, ErrPhoneInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, err := ParsePhone(tt.text)
			if got != tt.want || !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Errorf("ParsePhone(%q) = %+v, %v; want %+v, %v", tt.text, got, err, tt.want, tt.err)
			}
		})
	}
}

// TestExtractPhone checks numbers in free messages, and the numbers that are not phones.
func TestExtractPhone(t *testing.T) {
	tests := []struct {
		text string
		want string // Phone.Number
		err  error
	}{
		{"电话13800138000", "13800138000", nil},
		{"哦说错了 是一三九零零一三九零零零", "13900139000", nil}, // eleven spoken digits of a mobile need no phone word
		{"一九九八年买的 二零二三年修过", "", nil},
		{"我的手机坏了，电话13912345678", "13912345678", nil},
		{"打010-12345678找我", "010-12345678", nil},
		{"座机0571-88889999", "0571-88889999", nil},
		{"联系方式：+86 139 1234 5678", "13912345678", nil},
		{"花了2999元买的空调", "", nil},
		{"价格2999.00元", "", nil},
		{"订单号20240501123456", "", nil},
		{"型号KFR-35GW", "", nil},
		{"序列号1234567890123", "", nil},
		{"IMEI 860123456789012", "", nil},
		{"2024-05-01买的", "", nil},
		{"电话138001380", "", ErrPhoneTooShort},
		{"我的手机是1380013800", "", ErrPhoneTooShort},
		{"手机号 12345678901", "", ErrPhoneNotMobile},
		{"座机 88886666", "", ErrPhoneNoAreaCode},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f := Extract(tt.text, testNow, nil)
			if f.Phone.Number != tt.want || !errors.Is(f.PhoneErr, tt.err) || (tt.err == nil) != (f.PhoneErr == nil) {
				t.Errorf("Extract(%q) phone = %q, err %v; want %q, %v", tt.text, f.Phone.Number, f.PhoneErr, tt.want, tt.err)
			}
		})
	}
}

func TestPhoneE164(t *testing.T) {
	for _, tt := range []struct{ p, want string }{
		{"13800138000", "+8613800138000"}, {"010-12345678", "+861012345678"}, {"", ""},
	} {
		if got := (Phone{Number: tt.p}).E164(); got != tt.want {
			t.Errorf("E164(%q) = %q, want %q", tt.p, got, tt.want)
		}
	}
}
