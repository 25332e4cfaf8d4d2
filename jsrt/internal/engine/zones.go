package engine

import (
	"fmt"
	"time"
)

// ZoneName is the long name V8 (through ICU) prints in Date#toString for
// the zone in effect at t in loc, where goja prints Go's abbreviation:
// "Coordinated Universal Time" for UTC. tz is the TZ setting, which tells
// apart zones that share an abbreviation (CST in Chicago and Shanghai).
// Zones the tables lack keep the abbreviation, or GMT±hh:mm for numeric
// ones, as ICU does for zones it has no name for.
func ZoneName(t time.Time, tz string) string {
	abbr, off := t.Zone()
	if n, ok := zoneNamesByZone[tz+" "+abbr]; ok {
		return n
	}
	if n, ok := zoneNames[abbr]; ok {
		return n
	}
	if abbr != "" && (abbr[0] == '+' || abbr[0] == '-') {
		sign := '+'
		if off < 0 {
			sign, off = '-', -off
		}
		return fmt.Sprintf("GMT%c%02d:%02d", sign, off/3600, off/60%60)
	}
	return abbr
}

// The tables were made by printing node 20's Date#toString and Go's
// abbreviation for 15 January and 15 July 2024 in 60 common zones.
var zoneNames = map[string]string{
	"ACDT": "Australian Central Daylight Time",
	"ACST": "Australian Central Standard Time",
	"ADT":  "Atlantic Daylight Time",
	"AEDT": "Australian Eastern Daylight Time",
	"AEST": "Australian Eastern Standard Time",
	"AKDT": "Alaska Daylight Time",
	"AKST": "Alaska Standard Time",
	"AST":  "Atlantic Standard Time",
	"AWST": "Australian Western Standard Time",
	"BST":  "British Summer Time",
	"CDT":  "Central Daylight Time",
	"CEST": "Central European Summer Time",
	"CET":  "Central European Standard Time",
	"CST":  "Central Standard Time",
	"EAT":  "East Africa Time",
	"EDT":  "Eastern Daylight Time",
	"EEST": "Eastern European Summer Time",
	"EET":  "Eastern European Standard Time",
	"EST":  "Eastern Standard Time",
	"GMT":  "Greenwich Mean Time",
	"HKT":  "Hong Kong Standard Time",
	"HST":  "Hawaii-Aleutian Standard Time",
	"IDT":  "Israel Daylight Time",
	"IST":  "India Standard Time",
	"JST":  "Japan Standard Time",
	"KST":  "Korean Standard Time",
	"MDT":  "Mountain Daylight Time",
	"MSK":  "Moscow Standard Time",
	"MST":  "Mountain Standard Time",
	"NDT":  "Newfoundland Daylight Time",
	"NST":  "Newfoundland Standard Time",
	"NZDT": "New Zealand Daylight Time",
	"NZST": "New Zealand Standard Time",
	"PDT":  "Pacific Daylight Time",
	"PKT":  "Pakistan Standard Time",
	"PST":  "Pacific Standard Time",
	"SAST": "South Africa Standard Time",
	"UTC":  "Coordinated Universal Time",
	"WAT":  "West Africa Time",
	"WEST": "Western European Summer Time",
	"WET":  "Western European Standard Time",
	"WIB":  "Western Indonesia Time",
}

var zoneNamesByZone = map[string]string{
	"America/Argentina/Buenos_Aires -03": "Argentina Standard Time",
	"America/Bogota -05":                 "Colombia Standard Time",
	"America/Lima -05":                   "Peru Standard Time",
	"America/Santiago -03":               "Chile Summer Time",
	"America/Santiago -04":               "Chile Standard Time",
	"America/Sao_Paulo -03":              "Brasilia Standard Time",
	"Asia/Bangkok +07":                   "Indochina Time",
	"Asia/Dhaka +06":                     "Bangladesh Standard Time",
	"Asia/Dubai +04":                     "Gulf Standard Time",
	"Asia/Jerusalem IST":                 "Israel Standard Time",
	"Asia/Manila PST":                    "Philippine Standard Time",
	"Asia/Shanghai CST":                  "China Standard Time",
	"Asia/Singapore +08":                 "Singapore Standard Time",
	"Asia/Taipei CST":                    "Taiwan Standard Time",
	"Asia/Tehran +0330":                  "Iran Standard Time",
	"Europe/Dublin IST":                  "Irish Standard Time",
	"Europe/Istanbul +03":                "Türkiye Standard Time",
}
