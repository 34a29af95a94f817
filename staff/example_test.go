package staff_test

import (
	"fmt"

	"github.com/wxintake/intake/staff"
)

func ExampleRole_Can() {
	for _, r := range staff.Roles() {
		fmt.Printf("%s: publish rules %v, read phone numbers %v\n",
			r.Label(), r.Can(staff.PermPublishRules), r.Can(staff.PermReadCustomerPII))
	}
	// Output:
	// 客服坐席: publish rules false, read phone numbers true
	// 内容编辑: publish rules true, read phone numbers false
	// 管理员: publish rules true, read phone numbers true
}
